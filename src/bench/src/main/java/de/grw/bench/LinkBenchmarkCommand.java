package de.grw.bench;

import de.grw.common.CancellationToken;
import de.grw.common.HeapUsage;
import de.grw.common.ProgressListener;
import de.grw.importing.ColumnMapping;
import de.grw.importing.ImportProblem;
import de.grw.importing.MappingFile;
import de.grw.linking.LinkIndex;
import de.grw.matching.MatchJob;
import de.grw.matching.MatchOptions;
import de.grw.matching.MatchResult;
import de.grw.matching.data.RecordTable;
import de.grw.profile.MatchProfile;
import de.grw.profile.ProfileLoader;
import de.grw.synthetic.GeneratorConfig;
import de.grw.synthetic.PopulationGenerator;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code grw-bench link-benchmark}: a generated population is matched in batch (which estimates the model), the link
 * index is built over all its records with that model, and then {@code --callers} threads link sampled records
 * ({@code --calls} in all, after a warm-up): prints records, build seconds, peak heap, calls per second and the
 * latency percentiles. It then checks on a sample that the index's candidates of a record are the batch match's
 * pairs of that record at or above the threshold, with the same probabilities (the agreement).
 * <p>
 * What is measured is the engine's index (normalising the record, blocking, comparing, scoring, grouping), not the
 * HTTPS round trip nor the access-log write of the server; an incoming record is a sampled record's values sent as
 * new (so it finds itself among its candidates, like a record registered twice).
 */
@Command(name = "link-benchmark", mixinStandardHelpOptions = true,
        description = "Real-time linking benchmark: N generated records matched in batch, the link index built with "
            + "the batch's model, CALLERS threads linking sampled records: build seconds, peak heap, calls/s, latency "
            + "p50/p95/p99, and the agreement of the index's candidates with the batch's pairs on a sample.")
public final class LinkBenchmarkCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    /** --records (default 1,000,000) and --seed. */
    @Mixin
    PopulationOptions population = new PopulationOptions(1_000_000);

    @Option(names = "--callers", defaultValue = "8", paramLabel = "T",
            description = "Concurrent callers. Default: ${DEFAULT-VALUE}.")
    int callers;

    @Option(names = "--calls", defaultValue = "10000", paramLabel = "C",
            description = "Link calls measured (after as many warm-up calls as callers times 250). Default: ${DEFAULT-VALUE}.")
    int calls;

    @Option(names = "--check", defaultValue = "500", paramLabel = "K",
            description = "Records whose candidates are compared with the batch's pairs. Default: ${DEFAULT-VALUE}.")
    int check;

    @Option(names = "--stores", defaultValue = "20", paramLabel = "S",
            description = "Records stored by a link and then found by the next call: the index rebuilt for each "
                + "(as before; at most 3 of them) against the record added (LinkIndex.add). Default: ${DEFAULT-VALUE}.")
    int stores;

    @Option(names = "--rebuilds", defaultValue = "3", paramLabel = "R",
            description = "Of the stored records, how many are also found by an index rebuilt over all records with "
                + "it (the old way, to compare; each rebuild holds a second index). Default: ${DEFAULT-VALUE}.")
    int rebuilds;

    @Option(names = "--dir", paramLabel = "DIR", description = "Working directory (default: a temporary one, deleted).")
    Path dir;

    @Option(names = "--reuse", description = "Reuse the files an earlier run generated in --dir (same sizes, seed).")
    boolean reuse;

    @Option(names = "--model-records", paramLabel = "M", description = "Estimate the model by a batch match over a "
            + "population of M records generated with the same seed instead of over all N (the index still holds "
            + "all N, their values counted as in a batch over them); the agreement check then has no batch over "
            + "the index's records and is left out. Default: N. For 10 million: a batch of 10 million would "
            + "take most of the heap before the index is built.")
    Long modelRecords;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        boolean temporary = dir == null;
        Path work = temporary ? Files.createTempDirectory("grw-link-bench") : Files.createDirectories(dir);
        long records = population.records();
        long seed = population.seed();
        try {
            out.printf("machine: %d cores, load average at start %s%n", Runtime.getRuntime().availableProcessors(),
                    loadAverage());
            out.printf("JVM: %s %s; garbage collectors %s; options %s%n", System.getProperty("java.vm.name"),
                    System.getProperty("java.version"), java.lang.management.ManagementFactory
                            .getGarbageCollectorMXBeans().stream().map(g -> g.getName()).toList(),
                    java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments());
            if (reuse && dir == null) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--reuse needs --dir");
            }
            long m = modelRecords == null ? records : modelRecords;
            boolean sameBatch = m == records;
            Path data = sameBatch ? work : Files.createDirectories(work.resolve(Long.toString(records)));
            Path modelData = sameBatch ? work : Files.createDirectories(work.resolve(Long.toString(m)));
            MatchProfile profile = ProfileLoader.defaultProfile();
            GeneratedFiles.generateOrReuse(out, data, reuse, GeneratorConfig.of(seed, records, data));
            if (!sameBatch) {
                GeneratedFiles.generateOrReuse(out, modelData, reuse, GeneratorConfig.of(seed, m, modelData));
            }
            long t1 = System.nanoTime();
            MatchJob.Outcome outcome = new MatchJob(profile, MappingFile.NONE, null).run(
                    GeneratedFiles.SOURCES.stream().map(modelData::resolve).toList(), MatchOptions.defaults(),
                    new MatchJob.Observer() {
                        @Override
                        public void mapping(String source, ColumnMapping mapping) {
                        }

                        @Override
                        public void problem(ImportProblem problem) {
                        }
                    }, ProgressListener.NONE, CancellationToken.NONE);
            MatchResult batch = outcome.result();
            out.printf("batch match of %,d records (reads, estimates the model, scores %,d candidate pairs): %.0f s%n",
                    batch.recordCount(), batch.pairCount(), (System.nanoTime() - t1) / 1e9);
            de.grw.matching.model.ModelParameters model = batch.model();
            double batchThreshold = batch.threshold();
            // what the agreement check needs of the batch, taken before the batch's pairs are let go
            Map<Integer, Map<Integer, Double>> expected = sameBatch ? expectedPairs(batch, outcome.table().size())
                    : null;
            // each record's golden record as a server holds them after a batch: one per cluster (every record of
            // an index not matched in batch its own)
            int[] goldenOf = sameBatch ? batch.clusters().clusterOf().clone() : null;
            RecordTable table;
            de.grw.matching.data.PreparedRecords prepared;
            if (sameBatch) {
                table = outcome.table();
                prepared = batch.records(); // the index keeps the batch's prepared records, not a second copy
            } else {
                long t = System.nanoTime();
                table = ImportedTable.read(profile, GeneratedFiles.SOURCES.stream().map(data::resolve).toList());
                prepared = null;
                out.printf("read %,d records for the index in %.0f s%n", table.size(), (System.nanoTime() - t) / 1e9);
            }
            outcome = null;
            batch = null;
            int n = table.size();

            long[] ids = new long[n];
            Arrays.setAll(ids, i -> i + 1L);
            long before = liveHeap();
            long t2 = System.nanoTime();
            LinkIndex index = prepared != null
                    ? LinkIndex.build(profile, prepared, ids, model, batchThreshold,
                            LinkIndex.DEFAULT_LINK_PROBABILITY, CancellationToken.NONE)
                    : LinkIndex.build(profile, table, ids, model, batchThreshold,
                            LinkIndex.DEFAULT_LINK_PROBABILITY, CancellationToken.NONE);
            double buildSeconds = (System.nanoTime() - t2) / 1e9;
            long withoutGolden = liveHeap();
            long tg = System.nanoTime();
            for (int i = 0; i < n; i++) {
                index.assignGolden(ids[i], String.format("G-%06d", 1 + (goldenOf == null ? i : goldenOf[i])));
            }
            double goldenSeconds = (System.nanoTime() - tg) / 1e9;
            long goldenCount = goldenOf == null ? n : java.util.Arrays.stream(goldenOf).distinct().count();
            long withGolden = liveHeap();
            // the same assignment as the index kept it before GoldenIds (a map entry per record), to compare
            Map<Long, String> before16 = new java.util.concurrent.ConcurrentHashMap<>();
            for (int i = 0; i < n; i++) {
                before16.put(ids[i], String.format("G-%06d", 1 + (goldenOf == null ? i : goldenOf[i])));
            }
            long mapBytes = liveHeap() - withGolden;
            java.lang.ref.Reference.reachabilityFence(before16); // else compiled code may collect it before measured
            before16 = null;
            goldenOf = null;
            long after = liveHeap();
            out.printf("link index: %,d records built in %.1f s (threshold %.2f, link from %.2f); %,d golden "
                    + "records assigned in %.1f s: the index holds them in 4 bytes a record allocated when it is "
                    + "built, assigning added %,d bytes a record (a map entry per record, as before: %,d bytes a "
                    + "record)%n", index.size(), buildSeconds, index.threshold(),
                    index.linkThreshold(), goldenCount, goldenSeconds, (withGolden - withoutGolden) / Math.max(1, n),
                    mapBytes / Math.max(1, n));
            out.printf("heap in use after a collection: %,d MB before the index, %,d MB with it (%,d bytes per record): "
                    + "the index adds %,d MB, %,d bytes per record (%s)%n", before >> 20, after >> 20,
                    after / Math.max(1, n), (after - before) >> 20, (after - before) / Math.max(1, n),
                    sameBatch ? "blocks, window order, golden records; the normalised values are the batch's"
                            : "normalised values, blocks, window order, golden records");

            if (expected != null) {
                agreement(out, index, expected);
            } else {
                out.printf("agreement with the batch: left out (the model is a batch's over %,d other records)%n", m);
            }

            Random random = new Random(seed);
            int[] sample = new int[calls + callers * 250];
            Arrays.setAll(sample, i -> random.nextInt(n));
            String[][] values = new String[sample.length][];
            for (int i = 0; i < sample.length; i++) {
                values[i] = new String[table.fieldCount()];
                for (int f = 0; f < table.fieldCount(); f++) {
                    values[i][f] = table.value(sample[i], f);
                }
            }
            ExecutorService single = Executors.newFixedThreadPool(1);
            ExecutorService pool = Executors.newFixedThreadPool(callers);
            try {
                run(pool, index, values, 0, callers * 250); // warm-up, not measured
                // one caller first (what a call costs), then all callers at once (what they wait for)
                for (ExecutorService p : List.of(single, pool)) {
                    int threads = ((java.util.concurrent.ThreadPoolExecutor) p).getCorePoolSize();
                    out.printf("load average before %d caller(s): %s%n", threads, loadAverage());
                    int count = threads == 1 ? Math.min(calls, 2000) : calls;
                    COMPARED.set(0);
                    MOST.set(0);
                    ALLOCATED.set(0);
                    long[] gcBefore = gc();
                    long t3 = System.nanoTime();
                    long[] latencies = run(p, index, values, callers * 250, callers * 250 + count);
                    double seconds = (System.nanoTime() - t3) / 1e9;
                    long[] gcAfter = gc();
                    Arrays.sort(latencies);
                    out.printf("%d caller(s), %,d calls in %.1f s: %,.0f calls/s; latency ms p50 %.2f, p95 %.2f, "
                            + "p99 %.2f, max %.2f%n", threads, latencies.length, seconds, latencies.length / seconds,
                            pct(latencies, 0.50), pct(latencies, 0.95), pct(latencies, 0.99),
                            latencies[latencies.length - 1] / 1e6);
                    out.printf("  stored records compared per call: mean %.1f, most %d%n",
                            COMPARED.get() / (double) latencies.length, MOST.get());
                    StringBuilder collections = new StringBuilder();
                    for (int g = 0; g < gcAfter.length / 2; g++) {
                        collections.append(g == 0 ? "" : ", ").append(GC_NAMES.get(g)).append(' ')
                                .append(gcAfter[2 * g] - gcBefore[2 * g]).append(" (")
                                .append(gcAfter[2 * g + 1] - gcBefore[2 * g + 1]).append(" ms)");
                    }
                    // ZGC's "Cycles" are concurrent (the callers run meanwhile); its "Pauses" stop them
                    out.printf("  garbage per call %s; garbage collections during the calls: %s%n",
                            ALLOCATED.get() < 0 ? "not measured" : String.format("%.1f KB",
                                    ALLOCATED.get() / 1024.0 / latencies.length), collections);
                }
            } finally {
                pool.shutdownNow();
                single.shutdownNow();
            }
            storeAndFind(out, profile, table, ids, model, batchThreshold, index);
            out.printf("peak heap: %,d MB (max heap %,d MB); load average at the end %s%n",
                    HeapUsage.peakBytes() / (1024 * 1024), Runtime.getRuntime().maxMemory() / (1024 * 1024),
                    loadAverage());
            return 0;
        } finally {
            if (temporary) {
                try (Stream<Path> files = Files.walk(work)) {
                    files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
        }
    }

    /**
     * Stores sampled records' values again as new records (as a link with "store" does) and links the same person at
     * once: old, the index rebuilt over the records with it (what a store cost before, on the caller's thread below
     * 100,000 records, in the background above); new, the record added to the index. Both must find the stored
     * record with the same probability.
     */
    private void storeAndFind(PrintWriter out, MatchProfile profile, RecordTable table, long[] ids,
                              de.grw.matching.model.ModelParameters model, double batchThreshold,
                              LinkIndex index) {
        if (stores <= 0) {
            return;
        }
        Random random = new Random(population.seed() + 2);
        int n = table.size();
        int fields = table.fieldCount();
        RecordTable.Builder more = new RecordTable.Builder(fields, stores);
        String[][] values = new String[stores][fields];
        for (int s = 0; s < stores; s++) {
            int r = random.nextInt(n);
            for (int f = 0; f < fields; f++) {
                values[s][f] = table.value(r, f);
            }
            more.add(more.addSource(table.sourceName(r)), "stored-" + s, values[s]);
        }
        RecordTable stored = more.build();
        long[] allIds = Arrays.copyOf(ids, n + stores);
        for (int s = 0; s < stores; s++) {
            allIds[n + s] = ids[n - 1] + 1 + s;
        }
        int rebuilds = Math.min(this.rebuilds, stores);
        double oldSeconds = 0;
        int oldFound = 0;
        double[] oldProbability = new double[rebuilds];
        for (int s = 0; s < rebuilds; s++) {
            long t = System.nanoTime();
            RecordTable with = RecordTable.concat(List.of(table, sliceOf(stored, s + 1)));
            LinkIndex rebuilt = LinkIndex.build(profile, with, Arrays.copyOf(allIds, n + s + 1), model,
                    batchThreshold, LinkIndex.DEFAULT_LINK_PROBABILITY, CancellationToken.NONE);
            oldProbability[s] = probabilityOf(rebuilt.link(values[s]), allIds[n + s]);
            oldSeconds += (System.nanoTime() - t) / 1e9;
            oldFound += oldProbability[s] >= 0 ? 1 : 0;
        }
        double newSeconds = 0;
        int newFound = 0;
        int same = 0;
        for (int s = 0; s < stores; s++) {
            long t = System.nanoTime();
            index.add(allIds[n + s], stored.sourceName(s), stored.recordId(s), values[s]);
            double p = probabilityOf(index.link(values[s]), allIds[n + s]);
            newSeconds += (System.nanoTime() - t) / 1e9;
            newFound += p >= 0 ? 1 : 0;
            same += s < rebuilds && p == oldProbability[s] ? 1 : 0;
        }
        String rebuilt = rebuilds == 0 ? "old (index rebuilt per store) not measured (--rebuilds 0)"
                : String.format("old (index rebuilt per store) %.2f s per store, found %d/%d", oldSeconds / rebuilds,
                        oldFound, rebuilds);
        out.printf("store and find at %,d records: %s; new (record added) %.3f ms per store, found %d/%d; same "
                + "probability as the rebuilt index %d/%d%n", n, rebuilt, newSeconds * 1000 / stores, newFound, stores,
                same, rebuilds);
    }

    /** The first {@code count} records of a table. */
    private static RecordTable sliceOf(RecordTable table, int count) {
        RecordTable.Builder b = new RecordTable.Builder(table.fieldCount(), count);
        String[] row = new String[table.fieldCount()];
        for (int r = 0; r < count; r++) {
            for (int f = 0; f < row.length; f++) {
                row[f] = table.value(r, f);
            }
            b.add(b.addSource(table.sourceName(r)), table.recordId(r), row);
        }
        return b.build();
    }

    /** The probability of a record among a result's candidates, or -1. */
    private static double probabilityOf(LinkIndex.Result result, long recordId) {
        for (LinkIndex.Group g : result.groups()) {
            for (LinkIndex.Candidate c : g.records()) {
                if (c.recordId() == recordId) {
                    return c.probability();
                }
            }
        }
        return -1;
    }

    /** Links {@code values[from..to)} on the pool's threads; returns each call's nanoseconds. */
    private static final java.util.concurrent.atomic.AtomicLong COMPARED = new java.util.concurrent.atomic.AtomicLong();
    private static final java.util.concurrent.atomic.AtomicLong MOST = new java.util.concurrent.atomic.AtomicLong();
    /** Bytes the callers' threads allocated during the calls (-1 when the JVM cannot tell). */
    private static final java.util.concurrent.atomic.AtomicLong ALLOCATED = new java.util.concurrent.atomic.AtomicLong();

    private static final List<String> GC_NAMES = java.lang.management.ManagementFactory
            .getGarbageCollectorMXBeans().stream().map(g -> g.getName()).toList();

    /** Per collector (in {@link #GC_NAMES} order): collections so far, then their milliseconds. */
    private static long[] gc() {
        var beans = java.lang.management.ManagementFactory.getGarbageCollectorMXBeans();
        long[] out = new long[2 * beans.size()];
        for (int g = 0; g < beans.size(); g++) {
            out[2 * g] = Math.max(0, beans.get(g).getCollectionCount());
            out[2 * g + 1] = Math.max(0, beans.get(g).getCollectionTime());
        }
        return out;
    }

    /** The bytes this thread allocated so far, or -1 when the JVM cannot tell. */
    private static long allocatedBytes() {
        if (java.lang.management.ManagementFactory.getThreadMXBean()
                instanceof com.sun.management.ThreadMXBean bean && bean.isThreadAllocatedMemorySupported()
                && bean.isThreadAllocatedMemoryEnabled()) {
            return bean.getCurrentThreadAllocatedBytes();
        }
        return -1;
    }

    private static long[] run(ExecutorService pool, LinkIndex index, String[][] values, int from, int to)
            throws Exception {
        int threads = ((java.util.concurrent.ThreadPoolExecutor) pool).getCorePoolSize();
        long[] latencies = new long[to - from];
        java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger(from);
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            futures.add(pool.submit(() -> {
                int i;
                long allocatedBefore = allocatedBytes();
                while ((i = next.getAndIncrement()) < to) {
                    long s = System.nanoTime();
                    LinkIndex.Result r = index.link(values[i]);
                    latencies[i - from] = System.nanoTime() - s;
                    COMPARED.addAndGet(r.compared());
                    MOST.accumulateAndGet(r.compared(), Math::max);
                }
                long allocated = allocatedBytes();
                if (allocatedBefore < 0 || allocated < 0) {
                    ALLOCATED.set(Long.MIN_VALUE / 2);
                } else {
                    ALLOCATED.addAndGet(allocated - allocatedBefore);
                }
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        return latencies;
    }

    /** The batch's pairs at or above its threshold of the records the agreement check samples. */
    private Map<Integer, Map<Integer, Double>> expectedPairs(MatchResult batch, int n) {
        Random random = new Random(population.seed() + 1);
        Map<Integer, Map<Integer, Double>> expected = new java.util.LinkedHashMap<>();
        int[] sample = random.ints(0, n).distinct().limit(Math.min(check, n)).toArray();
        for (int i : sample) {
            expected.put(i, new TreeMap<>());
        }
        for (int p = 0; p < batch.pairCount(); p++) {
            if (batch.probability(p) < batch.threshold()) {
                continue;
            }
            int a = batch.first(p);
            int b = batch.second(p);
            if (expected.containsKey(a)) {
                expected.get(a).put(b, batch.probability(p));
            }
            if (expected.containsKey(b)) {
                expected.get(b).put(a, batch.probability(p));
            }
        }
        return expected;
    }

    /** Compares the index's candidates of sampled records with the batch's pairs at or above its threshold. */
    private void agreement(PrintWriter out, LinkIndex index, Map<Integer, Map<Integer, Double>> expected) {
        int[] sample = expected.keySet().stream().mapToInt(Integer::intValue).toArray();
        long t = System.nanoTime();
        int same = 0;
        long batchPairs = 0;
        long indexPairs = 0;
        long common = 0;
        double maxDiff = 0;
        int withCandidates = 0;
        for (int i : sample) {
            Map<Integer, Double> got = new TreeMap<>();
            index.linkStored(i).groups().forEach(g -> g.records().forEach(c -> got.put(c.index(), c.probability())));
            Map<Integer, Double> want = expected.get(i);
            batchPairs += want.size();
            indexPairs += got.size();
            withCandidates += want.isEmpty() ? 0 : 1;
            for (Map.Entry<Integer, Double> e : want.entrySet()) {
                Double g = got.get(e.getKey());
                if (g != null) {
                    common++;
                    maxDiff = Math.max(maxDiff, Math.abs(g - e.getValue()));
                }
            }
            same += got.keySet().equals(want.keySet()) ? 1 : 0;
        }
        out.printf("agreement with the batch on %d sampled records (%d with candidates): %d with the same "
                + "candidates; pairs batch %,d, index %,d, both %,d; largest probability difference %.2e "
                + "(%.1f s)%n", sample.length, withCandidates, same, batchPairs, indexPairs, common, maxDiff,
                (System.nanoTime() - t) / 1e9);
    }

    /** The heap in use right after a full collection (System.gc(); the JVM's default honours it). */
    private static long liveHeap() {
        System.gc();
        System.gc();
        return java.lang.management.ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static double pct(long[] sorted, double q) {
        int i = (int) Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1);
        return sorted[Math.max(0, i)] / 1e6;
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }
}
