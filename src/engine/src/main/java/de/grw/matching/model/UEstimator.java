package de.grw.matching.model;

import de.grw.common.CancellationToken;
import de.grw.matching.compare.CompiledComparisons;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Estimates the u probabilities from random record pairs: almost all random pairs are non-matches, so the share
 * of a level among them is the chance that two different people agree that much by coincidence. Small inputs are
 * enumerated completely; larger ones are sampled with a fixed seed, so runs are repeatable.
 */
public final class UEstimator {
    private static final int CHUNKS = 64;

    private UEstimator() {
    }

    /** Without reference values: add-one smoothing. */
    public static double[][] estimate(CompiledComparisons comparisons, int recordCount, int[] sourceOf,
                                      boolean linkOnly, int samplePairs, long seed, CancellationToken cancel) {
        return estimate(comparisons, recordCount, sourceOf, linkOnly, samplePairs, seed, 0, cancel);
    }

    /**
     * @param linkOnly count only pairs of records from different sources
     * @return u probabilities per comparison and level (level 0 unused)
     */
    public static double[][] estimate(CompiledComparisons comparisons, int recordCount, int[] sourceOf,
                                      boolean linkOnly, int samplePairs, long seed, double priorPairs,
                                      CancellationToken cancel) {
        int c = comparisons.count();
        long[][][] counts = new long[CHUNKS][c][];
        long allPairs = (long) recordCount * (recordCount - 1) / 2;
        boolean enumerate = allPairs <= samplePairs;
        IntStream.range(0, CHUNKS).parallel().forEach(chunk -> {
            long[][] local = new long[c][];
            for (int k = 0; k < c; k++) {
                local[k] = new long[comparisons.levelCount(k)];
            }
            if (enumerate) {
                for (int a = chunk; a < recordCount; a += CHUNKS) {
                    if ((a & 63) == 0) {
                        cancel.throwIfCancelled();
                    }
                    for (int b = a + 1; b < recordCount; b++) {
                        if (!linkOnly || sourceOf[a] != sourceOf[b]) {
                            count(comparisons, a, b, local);
                        }
                    }
                }
            } else {
                SplittableRandom random = new SplittableRandom(seed * 31 + chunk);
                int quota = samplePairs / CHUNKS;
                int taken = 0;
                int attempts = 0;
                while (taken < quota && attempts < quota * 20) {
                    attempts++;
                    if ((attempts & 4095) == 0) {
                        cancel.throwIfCancelled();
                    }
                    int a = random.nextInt(recordCount);
                    int b = random.nextInt(recordCount);
                    if (a == b || (linkOnly && sourceOf[a] == sourceOf[b])) {
                        continue;
                    }
                    count(comparisons, a, b, local);
                    taken++;
                }
            }
            counts[chunk] = local;
        });
        double[][] u = new double[c][];
        for (int k = 0; k < c; k++) {
            int levels = comparisons.levelCount(k);
            long[] total = new long[levels];
            for (long[][] chunk : counts) {
                for (int l = 0; l < levels; l++) {
                    total[l] += chunk[k][l];
                }
            }
            long present = 0;
            for (int l = 1; l < levels; l++) {
                present += total[l];
            }
            u[k] = new double[levels];
            double[] reference = comparisons.referenceU(k);
            for (int l = 1; l < levels; l++) {
                if (reference != null && priorPairs > 0) {
                    // the reference counts as priorPairs random pairs: decisive for tiny inputs only
                    u[k][l] = (total[l] + priorPairs * reference[l]) / (present + priorPairs);
                } else {
                    // add-one smoothing: a level never seen among random pairs is rare, not impossible
                    u[k][l] = (total[l] + 1.0) / (present + levels - 1.0);
                }
            }
        }
        return u;
    }

    /**
     * Starts {@link #estimate(CompiledComparisons, int, int[], boolean, int, long, double, CancellationToken)} on
     * threads of its own, so that it runs while the caller blocks and compares (the u estimate needs only the prepared
     * records, and blocking leaves one of the cores idle a good part of its time). The result is the same as the
     * estimate's in the caller's thread: each chunk draws from its own seeded generator.
     */
    public static Pending start(CompiledComparisons comparisons, int recordCount, int[] sourceOf, boolean linkOnly,
                                int samplePairs, long seed, double priorPairs, CancellationToken cancel) {
        return start(comparisons, recordCount, sourceOf, linkOnly, samplePairs, seed, priorPairs, cancel,
                recordCount >= IN_BACKGROUND_FROM);
    }

    /** As the public {@code start}, in the background or not as asked. */
    static Pending start(CompiledComparisons comparisons, int recordCount, int[] sourceOf, boolean linkOnly,
                         int samplePairs, long seed, double priorPairs, CancellationToken cancel,
                         boolean inBackground) {
        if (!inBackground) {
            return new Pending(estimate(comparisons, recordCount, sourceOf, linkOnly, samplePairs, seed, priorPairs,
                    cancel));
        }
        return new Pending(comparisons, recordCount, sourceOf, linkOnly, samplePairs, seed, priorPairs, cancel);
    }

    /** Below this many records the estimate is made at once, in the caller's thread (threads would cost more). */
    static final int IN_BACKGROUND_FROM = 50_000;

    /** A u estimate under way ({@link #start}): {@link #join} waits for it, {@link #abandon} stops it. */
    public static final class Pending {
        private final java.util.concurrent.ForkJoinPool pool;
        private final java.util.concurrent.ForkJoinTask<double[][]> task;
        private final double[][] done;
        private final java.util.concurrent.atomic.AtomicBoolean abandoned =
                new java.util.concurrent.atomic.AtomicBoolean();

        private Pending(double[][] done) {
            this.done = done;
            this.pool = null;
            this.task = null;
        }

        private Pending(CompiledComparisons comparisons, int recordCount, int[] sourceOf, boolean linkOnly,
                        int samplePairs, long seed, double priorPairs, CancellationToken cancel) {
            done = null;
            CancellationToken stop = () -> abandoned.get() || cancel.isCancelled();
            // a pool of its own: the parallel stream inside runs in it, beside the caller's (common pool) streams
            pool = new java.util.concurrent.ForkJoinPool(Math.max(1, Runtime.getRuntime().availableProcessors()),
                    p -> {
                        java.util.concurrent.ForkJoinWorkerThread t =
                                java.util.concurrent.ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(p);
                        t.setName("grw-u-estimate-" + t.getPoolIndex());
                        t.setDaemon(true);
                        return t;
                    }, null, false);
            task = pool.submit(() -> estimate(comparisons, recordCount, sourceOf, linkOnly, samplePairs, seed,
                    priorPairs, stop));
        }

        /** The u probabilities, once computed; rethrows what the estimate threw (a cancellation among it). */
        public double[][] join() {
            if (task == null) {
                return done;
            }
            try {
                return task.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                abandon();
                throw new de.grw.common.CancelledException();
            } catch (java.util.concurrent.ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof RuntimeException re) {
                    throw re;
                }
                if (cause instanceof Error err) {
                    throw err;
                }
                throw new IllegalStateException(cause);
            } finally {
                pool.shutdown();
            }
        }

        /** Stops the estimate (its result is not needed: the run failed or was cancelled). */
        public void abandon() {
            abandoned.set(true);
            if (pool != null) {
                pool.shutdown();
            }
        }
    }

    private static void count(CompiledComparisons comparisons, int a, int b, long[][] local) {
        for (int k = 0; k < local.length; k++) {
            local[k][comparisons.level(k, a, b)]++;
        }
    }
}
