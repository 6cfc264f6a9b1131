package de.grw.ui;

/** Starts {@link QueueShots} from a plain class (JavaFX on the class path refuses an Application as main class). */
public final class QueueShotsMain {
    private QueueShotsMain() {
    }

    public static void main(String[] args) {
        javafx.application.Application.launch(QueueShots.class, args);
    }
}
