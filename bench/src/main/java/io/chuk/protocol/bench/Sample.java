package io.chuk.protocol.bench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One measuring window of one server.
 *
 * @param messagesPerSecond         verified answers per second, all connections together
 * @param serverCpuMicrosPerMessage the server process's CPU time (all its threads, GC and JIT included) per answer
 * @param serverKernelMicrosPerMessage the part of it spent in the kernel (the server's syscalls)
 * @param clientCpuMicrosPerMessage the bench process's (the client's) CPU time per answer
 * @param clientCpuShare            the client's share of the CPU time client and server used together
 * @param otherCores                CPU the rest of the machine used meanwhile, in cores: other work disturbing the window
 * @param contextSwitchesPerMessage the server's context switches (all its threads) per answer
 * @param serverThreads             threads of the server process at the end of the window
 * @param compilerCores             CPU the server's JIT compilers used meanwhile, in cores: near 0 once it is warm
 */
record Sample(double messagesPerSecond, double serverCpuMicrosPerMessage, double serverKernelMicrosPerMessage,
              double clientCpuMicrosPerMessage,
              double clientCpuShare, double otherCores, double contextSwitchesPerMessage,
              long serverThreads, double compilerCores) {

    /** The sample with the median throughput (its other figures come from that same window). */
    static Sample median(List<Sample> samples) {
        List<Sample> sorted = new ArrayList<>(samples);
        sorted.sort(Comparator.comparingDouble(Sample::messagesPerSecond));
        return sorted.get(sorted.size() / 2);
    }
}
