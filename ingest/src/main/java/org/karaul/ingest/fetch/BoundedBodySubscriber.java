package org.karaul.ingest.fetch;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Collects a response body but gives up, cancelling the stream, once it passes a byte limit,
 * so an endless body costs at most the limit. {@link #cancel()} lets the caller stop a slow drip.
 */
final class BoundedBodySubscriber implements HttpResponse.BodySubscriber<byte[]> {
    private final String url;
    private final long limit;
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private final AtomicReference<Flow.Subscription> subscription = new AtomicReference<>();
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    private volatile boolean cancelled;

    BoundedBodySubscriber(String url, long limit) {
        this.url = url;
        this.limit = limit;
    }

    @Override
    public CompletionStage<byte[]> getBody() {
        return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        if (!subscription.compareAndSet(null, s) || cancelled) {
            s.cancel();
            return;
        }
        if (limit == 0) {
            // A body we do not want (error page, redirect): close instead of reading it.
            s.cancel();
            result.complete(new byte[0]);
            return;
        }
        s.request(1);
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
        for (ByteBuffer item : items) {
            if (buffer.size() + (long) item.remaining() > limit) {
                cancel();
                result.completeExceptionally(new BodyTooLargeException(url, limit, false));
                return;
            }
            byte[] chunk = new byte[item.remaining()];
            item.get(chunk);
            buffer.write(chunk, 0, chunk.length);
        }
        Flow.Subscription s = subscription.get();
        if (s != null && !cancelled) {
            s.request(1);
        }
    }

    @Override
    public void onError(Throwable throwable) {
        result.completeExceptionally(throwable);
    }

    @Override
    public void onComplete() {
        result.complete(buffer.toByteArray());
    }

    /** Stops reading; the body future fails if it has not completed yet. */
    void cancel() {
        cancelled = true;
        Flow.Subscription s = subscription.get();
        if (s != null) {
            s.cancel();
        }
    }
}
