package org.processlab.run;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.CancelledKeyException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.ArrayDeque;
import java.util.function.Consumer;

/**
 * One connection of a {@link SelectorTransport}: the selector thread's state of it, and the way back to its process
 * (a {@link TraceTransport.Peer}). Output that cannot be written at once waits in {@link #unsent}, and the selector
 * thread writes it when the socket can take more ({@link #flush()}).
 *
 * <p>Threading: the fields without a lock are the selector thread's alone. {@link #send} from any thread writes at once
 * what the socket takes and queues the rest; a caller other than the selector thread then waits until its message
 * has gone, as a blocking write would, while the selector thread never waits (its output goes when the socket takes
 * it). Messages from several threads never interleave. {@link #close()} from any thread.
 */
final class ChannelLink implements TraceTransport.Peer {
    final SocketChannel channel;
    /** When its first message must be whole (System.nanoTime). */
    final long deadline;
    final MessageReader reader = new MessageReader();
    private final Selector selector;
    private final Thread selectorThread;
    private final Consumer<ChannelLink> closer;
    // The selector thread's alone:
    SelectionKey key;
    TraceTransport.Connection handler;
    boolean helloRead;
    boolean open = true;
    // Guarded by this: written by senders and by the selector thread.
    private final ArrayDeque<ByteBuffer> unsent = new ArrayDeque<>();
    private boolean gone;

    /**
     * @param deadline       when its first message must be whole (System.nanoTime)
     * @param selector       the selector serving it, woken when output waits
     * @param selectorThread the selector's thread, which never waits for its own output
     * @param closer         ends the connection on the selector thread ({@link #close()})
     */
    ChannelLink(SocketChannel channel, long deadline, Selector selector, Thread selectorThread,
                Consumer<ChannelLink> closer) {
        this.channel = channel;
        this.deadline = deadline;
        this.selector = selector;
        this.selectorThread = selectorThread;
        this.closer = closer;
    }

    @Override
    public synchronized void send(byte[] message) throws IOException {
        if (gone) {
            throw new IOException("the connection has ended");
        }
        ByteBuffer b = ByteBuffer.wrap(message);
        if (unsent.isEmpty()) {
            channel.write(b);
            if (!b.hasRemaining()) {
                return;
            }
        }
        unsent.addLast(b);
        if (unsent.size() == 1) {
            try {
                key.interestOpsOr(SelectionKey.OP_WRITE);
            } catch (CancelledKeyException e) {
                throw new IOException("the connection has ended", e);
            }
            selector.wakeup();
        }
        if (Thread.currentThread() == selectorThread) {
            return;     // the selector thread never waits for itself: the rest goes when the socket takes it
        }
        try {
            while (!unsent.isEmpty() && !gone) {
                wait();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while a message to a process waited to go");
        }
        if (b.hasRemaining()) {
            throw new IOException("the connection ended before the message went");
        }
    }

    /** Writes what waits, as far as the socket takes it (the selector thread, when it can take more). */
    synchronized void flush() {
        try {
            while (!unsent.isEmpty()) {
                ByteBuffer b = unsent.peekFirst();
                channel.write(b);
                if (b.hasRemaining()) {
                    return;
                }
                unsent.removeFirst();
            }
            key.interestOpsAnd(~SelectionKey.OP_WRITE);
        } catch (IOException e) {
            gone = true;            // the reading side sees the end
            unsent.clear();
        }
        notifyAll();
    }

    /** The connection has ended: senders waiting give up. */
    synchronized void ended() {
        gone = true;
        unsent.clear();
        notifyAll();
    }

    @Override
    public void close() {
        closer.accept(this);
    }
}
