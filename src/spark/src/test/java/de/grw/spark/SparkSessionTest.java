package de.grw.spark;

import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * A test class with one local Spark session for all its tests ({@link SparkTestSession#start}: {@code local[2]}, no
 * UI, few partitions), started before the first test and stopped after the last; the Spark tests extend it instead of
 * repeating the start and stop.
 */
abstract class SparkSessionTest {
    static SparkSession spark;

    @BeforeAll
    static void startSpark() {
        spark = SparkTestSession.start();
    }

    @AfterAll
    static void stopSpark() {
        spark.stop();
        spark = null;
    }
}
