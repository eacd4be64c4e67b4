package io.chuk.protocol.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/** The one table of the run: each scenario's figure per server and its ratio to Netty, against the target. */
final class ResultTable {

    /**
     * One scenario's line.
     *
     * @param values  the figure per server name (msg/s, or bytes per session)
     * @param medians the median window per server (echo scenarios), for the CPU columns; empty otherwise
     * @param oursByRound ours/netty in each round (echo scenarios), to show how far a row moves; empty otherwise
     * @param atLeast true if the ratio ours/netty must reach {@code target}, false if it must stay below it
     */
    record Row(String scenario, Map<String, Double> values, Map<String, Sample> medians, List<Double> oursByRound,
               double target, boolean atLeast) {
    }

    private final List<String> servers;
    private final List<Row> rows = new ArrayList<>();

    /** @param servers server names in column order; must include "netty" */
    ResultTable(List<String> servers) {
        this.servers = List.copyOf(servers);
    }

    void add(Row row) {
        rows.add(row);
    }

    void print() {
        List<String> compared = servers.stream().filter(s -> !s.equals("netty")).toList();
        StringBuilder header = new StringBuilder(String.format(Locale.ROOT, "%-17s %9s", "scenario", "netty"));
        for (String server : compared) {
            header.append(String.format(Locale.ROOT, " %9s %8s", server, server + "/n"));
        }
        header.append(String.format(Locale.ROOT, "  %-7s %-4s  %-17s  %-22s  %-16s  %s", "target", "met",
                "ours/n by round",
                "server us CPU/msg", "client % of CPU", "others"));
        System.out.println(header);
        for (Row row : rows) {
            double netty = row.values().get("netty");
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-17s %9s", row.scenario(),
                    figure(netty, row)));
            for (String server : compared) {
                Double value = row.values().get(server);
                line.append(value == null ? String.format(Locale.ROOT, " %9s %8s", "-", "-")
                        : String.format(Locale.ROOT, " %9s %8.2f", figure(value, row), value / netty));
            }
            Double ours = row.values().get("ours");
            String met = ours == null ? "" : (row.atLeast() ? ours / netty >= row.target() : ours / netty <= row.target())
                    ? "yes" : "no";
            line.append(String.format(Locale.ROOT, "  %-7s %-4s  %-17s  %-22s  %-16s  %s",
                    (row.atLeast() ? ">= " : "<= ") + row.target(), met, byRound(row.oursByRound()),
                    perServer(row, s -> String.format(Locale.ROOT, "%.1f", s.serverCpuMicrosPerMessage())),
                    perServer(row, s -> String.format(Locale.ROOT, "%.0f", 100 * s.clientCpuShare())),
                    row.medians().isEmpty() ? "" : String.format(Locale.ROOT, "%.2f",
                            row.medians().values().stream().mapToDouble(Sample::otherCores).max().orElse(0))));
            System.out.println(line);
        }
        System.out.println("(echo scenarios: verified round trips/s, median of the rounds; idle: server RSS growth "
                + "per session, bytes; X/n = X / netty; 'target' and 'met' are for ours/netty; 'ours/n by round': "
                + "the median (and range) of ours/netty taken round by round, each pair measured back to back; "
                + "CPU columns in the "
                + "order " + String.join(", ", servers) + "; others: the most CPU, in cores, that other processes "
                + "used in one of the row's median windows)");
    }

    /** The median and range of ratios taken round by round; empty for none. */
    static String byRound(List<Double> ratios) {
        if (ratios.isEmpty()) {
            return "";
        }
        List<Double> sorted = ratios.stream().sorted().toList();
        int n = sorted.size();
        double median = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
        return String.format(Locale.ROOT, "%.2f (%.2f-%.2f)", median, sorted.get(0), sorted.get(n - 1));
    }

    private static String figure(double value, Row row) {
        return row.medians().isEmpty() ? String.format(Locale.ROOT, "%.0f B", value)
                : String.format(Locale.ROOT, "%.0f", value);
    }

    private String perServer(Row row, Function<Sample, String> format) {
        if (row.medians().isEmpty()) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        for (String server : servers) {
            Sample sample = row.medians().get(server);
            parts.add(sample == null ? "-" : format.apply(sample));
        }
        return String.join(" / ", parts);
    }
}
