package org.astroruntime.vospace.data;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.Executor;

/**
 * Runs tasks one at a time in submission order on a shared pool, holding a pool thread only while tasks are
 * waiting. One upload's file writes use one of these, so uploads do not queue behind each other.
 */
final class OrderedTasks {

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(OrderedTasks.class);

    private final Executor pool;
    private final Queue<Runnable> waiting = new ArrayDeque<>();
    private boolean draining;

    OrderedTasks(Executor pool) {
        this.pool = pool;
    }

    void submit(Runnable task) {
        synchronized (waiting) {
            waiting.add(task);
            if (draining) {
                return;
            }
            draining = true;
        }
        pool.execute(this::drain);
    }

    private void drain() {
        while (true) {
            Runnable task;
            synchronized (waiting) {
                task = waiting.poll();
                if (task == null) {
                    draining = false;
                    return;
                }
            }
            try {
                task.run();
            } catch (RuntimeException e) {
                // a failed task must not stop the ones behind it (they close files and answer clients)
                LOG.error("an ordered task failed", e);
            }
        }
    }
}
