package de.grw.spark;

import java.util.List;
import org.apache.spark.HashPartitioner;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.storage.StorageLevel;
import scala.Tuple2;

/**
 * Connected components of the links, across the cluster, by iterative minimum-label propagation: every record starts
 * with the smallest index among itself and its neighbours, then takes its neighbours' labels while one is smaller,
 * until no label changes. Rounds: about the longest shortest path within a component (small for record linkage,
 * where components are persons or households). Records without a link are not in the result.
 */
final class ConnectedComponents {
    private ConnectedComponents() {
    }

    /** The labels and the rounds it took. */
    record Result(JavaPairRDD<Integer, Integer> labels, int rounds) {
    }

    /**
     * @param links pairs of record indexes (each once)
     * @return per linked record the smallest record index of its component
     */
    static Result of(JavaPairRDD<Integer, Integer> links, int partitions) {
        HashPartitioner partitioner = new HashPartitioner(partitions);
        JavaPairRDD<Integer, Integer> edges = links
                .flatMapToPair(e -> List.of(e, e.swap()).iterator())
                .partitionBy(partitioner)
                .persist(StorageLevel.MEMORY_AND_DISK());
        JavaPairRDD<Integer, Integer> labels = edges
                .reduceByKey(partitioner, Math::min)
                .mapToPair(v -> new Tuple2<>(v._1, Math.min(v._1, v._2)))
                .persist(StorageLevel.MEMORY_AND_DISK());
        int rounds = 0;
        while (true) {
            rounds++;
            JavaPairRDD<Integer, Integer> proposals = edges.join(labels)
                    .mapToPair(t -> new Tuple2<>(t._2._1, t._2._2));
            JavaPairRDD<Integer, Integer> next = labels.union(proposals)
                    .reduceByKey(partitioner, Math::min)
                    .persist(StorageLevel.MEMORY_AND_DISK());
            long changed = next.join(labels).filter(t -> !t._2._1.equals(t._2._2)).count();
            labels.unpersist(false);
            labels = next;
            if (changed == 0) {
                break;
            }
        }
        edges.unpersist(false);
        return new Result(labels, rounds);
    }
}
