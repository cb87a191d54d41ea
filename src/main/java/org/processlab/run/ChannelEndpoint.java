package org.processlab.run;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The listening end of one run's trace channel ({@link ChannelKind}): a Unix socket in a {@link SocketFolder}, or a
 * fresh loopback TCP port; non-blocking, for a selector. {@link #address()} is the value of {@code PROCESSLAB_TRACE}:
 * {@code unix:/run/user/1000/processlab/0123456789abcdef.sock} or {@code tcp:127.0.0.1:40123}. {@link #close()} stops
 * listening and removes the socket (and its folder when it was made for it).
 *
 * <p>Threading: made on any thread; {@link #server()} is then the selector's; {@link #close()} on the selector's
 * thread.
 */
final class ChannelEndpoint implements AutoCloseable {
    /** Connections the kernel queues before they are accepted: a spawn storm connects at once. */
    private static final int BACKLOG = 1024;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ServerSocketChannel server;
    private final String address;
    /** The socket file, or null for TCP. */
    private final Path socket;
    /** The folder made for this socket alone, removed with it; or null. */
    private final Path freshFolder;

    private ChannelEndpoint(ServerSocketChannel server, String address, Path socket, Path freshFolder) {
        this.server = server;
        this.address = address;
        this.socket = socket;
        this.freshFolder = freshFolder;
    }

    /**
     * Listens as {@link ChannelKind#chosen()} says: a Unix socket in a private folder, falling back to loopback TCP
     * when no folder fits or the OS refuses (unless {@code unix} was forced).
     *
     * @throws IOException when nothing can listen
     */
    static ChannelEndpoint open() throws IOException {
        return open(ChannelKind.chosen(), System.getenv("XDG_RUNTIME_DIR"),
                Path.of(System.getProperty("java.io.tmpdir")), System.getProperty(ChannelKind.PROPERTY) != null);
    }

    /**
     * Listens on a channel of {@code kind}.
     *
     * @param runtimeDir the user's runtime folder ({@code XDG_RUNTIME_DIR}), or null
     * @param tmp        where a fresh private folder may be made
     * @param forced     true when {@code kind} was asked for: no fallback
     * @throws IOException when nothing can listen
     */
    static ChannelEndpoint open(ChannelKind kind, String runtimeDir, Path tmp, boolean forced) throws IOException {
        if (kind == ChannelKind.UNIX) {
            try {
                return unix(SocketFolder.find(runtimeDir, tmp));
            } catch (IOException | UnsupportedOperationException e) {
                if (forced) {
                    throw e instanceof IOException io ? io : new IOException(e.getMessage(), e);
                }
            }
        }
        return tcp();
    }

    private static ChannelEndpoint unix(SocketFolder.Place place) throws IOException {
        for (int attempt = 0; ; attempt++) {
            byte[] name = new byte[8];
            RANDOM.nextBytes(name);
            Path socket = place.dir().resolve(HexFormat.of().formatHex(name) + ".sock");
            ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
            try {
                PrivateFolder.claimAsIs(place.dir());      // checked again right before binding in it
                server.bind(UnixDomainSocketAddress.of(socket), BACKLOG);
                server.configureBlocking(false);
                return new ChannelEndpoint(server, ChannelKind.UNIX.scheme() + ":" + socket, socket,
                        place.fresh() ? place.dir() : null);
            } catch (IOException e) {
                server.close();
                boolean taken = e instanceof FileAlreadyExistsException || Files.exists(socket);
                if (!taken || attempt == 3) {
                    if (place.fresh()) {
                        Files.deleteIfExists(place.dir());
                    }
                    throw e;
                }
            }
        }
    }

    private static ChannelEndpoint tcp() throws IOException {
        ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.INET);
        try {
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), BACKLOG);
            server.configureBlocking(false);
            InetSocketAddress at = (InetSocketAddress) server.getLocalAddress();
            return new ChannelEndpoint(server, ChannelKind.TCP.scheme() + ":" + at.getAddress().getHostAddress() + ":"
                    + at.getPort(), null, null);
        } catch (IOException e) {
            server.close();
            throw e;
        }
    }

    /** The listening channel, non-blocking. */
    ServerSocketChannel server() {
        return server;
    }

    /** The value of {@code PROCESSLAB_TRACE}. */
    String address() {
        return address;
    }

    /** Which kind of channel this is. */
    ChannelKind kind() {
        return socket == null ? ChannelKind.TCP : ChannelKind.UNIX;
    }

    /** Stops listening and removes the socket file (and the folder made for it). Connections accepted go on. */
    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException ignored) {
            // closed already
        }
        try {
            if (socket != null) {
                Files.deleteIfExists(socket);
            }
            if (freshFolder != null) {
                Files.deleteIfExists(freshFolder);
            }
        } catch (IOException ignored) {
            // the folder is private; a socket file left in it harms no one
        }
    }
}
