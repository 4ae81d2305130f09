package org.karaul.local;

import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;

/** Clean start of the demo on an external broker: removes Karaul's topics and the demo's internal ones. */
final class TopicReset {
    private TopicReset() {
    }

    /** Deletes topics named {@code karaul.*} or {@code karaul-demo-*} and waits until the broker no longer lists them. */
    static void deleteTopics(Properties kafka) {
        try (Admin admin = Admin.create(kafka)) {
            Set<String> doomed = ours(admin);
            if (doomed.isEmpty()) {
                return;
            }
            admin.deleteTopics(doomed).all().get(60, TimeUnit.SECONDS);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!ours(admin).isEmpty()) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("topics still listed 60 s after deletion on " + kafka.get("bootstrap.servers"));
                }
                Thread.sleep(200);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while deleting demo topics", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot delete demo topics on " + kafka.get("bootstrap.servers") + ": " + e.getMessage(), e);
        }
    }

    private static Set<String> ours(Admin admin) throws InterruptedException, ExecutionException, TimeoutException {
        return admin.listTopics().names().get(60, TimeUnit.SECONDS).stream()
                .filter(t -> t.startsWith("karaul.") || t.startsWith("karaul-demo-"))
                .collect(Collectors.toSet());
    }
}
