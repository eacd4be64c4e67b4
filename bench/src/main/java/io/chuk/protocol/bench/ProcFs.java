package io.chuk.protocol.bench;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** What the bench reads from Linux's {@code /proc}: a process's memory, CPU time, threads, context switches. */
final class ProcFs {

    /** USER_HZ, the unit of the CPU times in /proc: 100 on every Linux the JDK supports. */
    private static final long NANOS_PER_TICK = 1_000_000_000L / 100;

    private ProcFs() {
    }

    /** Resident set size in bytes (VmRSS). */
    static long rssBytes(long pid) throws IOException {
        return statusField(status(pid), "VmRSS:") * 1024;
    }

    static long threads(long pid) throws IOException {
        return statusField(status(pid), "Threads:");
    }

    /** User plus system CPU time of the whole process (all threads, GC and JIT included), in nanoseconds. */
    static long cpuNanos(long pid) throws IOException {
        String[] fields = statFields(pid);
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * NANOS_PER_TICK; // utime, stime
    }

    /** The system part of {@link #cpuNanos}: time in the kernel on the process's behalf (its syscalls). */
    static long kernelCpuNanos(long pid) throws IOException {
        return Long.parseLong(statFields(pid)[12]) * NANOS_PER_TICK; // stime
    }

    /**
     * CPU time of the process's JIT compiler threads (HotSpot names them {@code C1 CompilerThre…}
     * and {@code C2 CompilerThre…}), in nanoseconds: while it still grows, the server is not warm.
     */
    static long compilerCpuNanos(long pid) {
        File[] tasks = new File("/proc/" + pid + "/task").listFiles();
        long ticks = 0;
        if (tasks != null) {
            for (File task : tasks) {
                try {
                    String name = Files.readString(task.toPath().resolve("comm")).trim();
                    if (name.startsWith("C1 Compiler") || name.startsWith("C2 Compiler")) {
                        String stat = Files.readString(task.toPath().resolve("stat"));
                        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                        ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                    }
                } catch (IOException | RuntimeException e) {
                    // the thread ended meanwhile
                }
            }
        }
        return ticks * NANOS_PER_TICK;
    }

    private static String[] statFields(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        // after the command name, which is in parentheses and may hold spaces, comes field 3 (state)
        return stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    }

    /** CPU time every process on the machine spent not idle (all cores), in nanoseconds. */
    static long machineBusyNanos() throws IOException {
        String[] fields = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
        long busy = 0;
        // cpu user nice system idle iowait irq softirq steal: all but idle and iowait are work
        for (int i = 1; i <= 8 && i < fields.length; i++) {
            if (i != 4 && i != 5) {
                busy += Long.parseLong(fields[i]);
            }
        }
        return busy * NANOS_PER_TICK;
    }

    /** Voluntary plus involuntary context switches of the process's threads alive now. */
    static long contextSwitches(long pid) {
        File[] tasks = new File("/proc/" + pid + "/task").listFiles();
        long total = 0;
        if (tasks != null) {
            for (File task : tasks) {
                try {
                    Path status = task.toPath().resolve("status");
                    total += statusField(status, "voluntary_ctxt_switches:")
                            + statusField(status, "nonvoluntary_ctxt_switches:");
                } catch (IOException | RuntimeException e) {
                    // the thread ended meanwhile
                }
            }
        }
        return total;
    }

    private static Path status(long pid) {
        return Path.of("/proc", Long.toString(pid), "status");
    }

    private static long statusField(Path status, String field) throws IOException {
        for (String line : Files.readAllLines(status)) {
            if (line.startsWith(field)) {
                return Long.parseLong(line.substring(field.length()).trim().split("\\s+")[0]);
            }
        }
        throw new IOException("no " + field + " in " + status);
    }
}
