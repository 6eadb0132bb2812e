package io.dataport.postgres;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A loopback stand-in for a PostgreSQL server with one behaviour: {@link Mode#REJECT_PASSWORD} speaks the wire
 * protocol far enough to ask for a password and reject it with SQLSTATE 28P01, as a real server does;
 * {@link Mode#SILENT} accepts the TCP connection and never answers, like a host behind a dropped network.
 * Serves one connection at a time until closed.
 */
final class FakePostgresServer implements AutoCloseable {
    enum Mode { REJECT_PASSWORD, SILENT }

    private final ServerSocket socket;
    private final Thread thread;

    FakePostgresServer(Mode mode) throws IOException {
        socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        thread = new Thread(() -> serve(mode), "fake-postgres");
        thread.setDaemon(true);
        thread.start();
    }

    int port() {
        return socket.getLocalPort();
    }

    private void serve(Mode mode) {
        while (!socket.isClosed()) {
            try (Socket client = socket.accept()) {
                if (mode == Mode.SILENT) {
                    client.getInputStream().transferTo(OutputSink.INSTANCE);
                    continue;
                }
                DataInputStream in = new DataInputStream(client.getInputStream());
                DataOutputStream out = new DataOutputStream(client.getOutputStream());
                int length = in.readInt();
                int code = in.readInt();
                if (code == 80877103) { // SSLRequest: no SSL here, then the real startup packet follows
                    out.writeByte('N');
                    out.flush();
                    length = in.readInt();
                    in.readInt();
                }
                in.skipNBytes(length - 8);
                out.writeByte('R'); // AuthenticationCleartextPassword
                out.writeInt(8);
                out.writeInt(3);
                out.flush();
                in.readByte();      // 'p' PasswordMessage
                in.skipNBytes(in.readInt() - 4);
                byte[] fields = ("SFATAL\0VFATAL\0C28P01\0Mpassword authentication failed for user \"app\"\0\0")
                        .getBytes(StandardCharsets.UTF_8);
                out.writeByte('E');
                out.writeInt(4 + fields.length);
                out.write(fields);
                out.flush();
            } catch (IOException e) {
                // The client hung up or the server was closed: serve the next one, or stop.
            }
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    private static final class OutputSink extends java.io.OutputStream {
        static final OutputSink INSTANCE = new OutputSink();

        @Override
        public void write(int b) {
        }
    }
}
