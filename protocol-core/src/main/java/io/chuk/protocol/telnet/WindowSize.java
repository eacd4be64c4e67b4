package io.chuk.protocol.telnet;

/**
 * The client's window size as NAWS (RFC 1073) reports it: {@link TelnetEngine#DEFAULT_WIDTH} by
 * {@link TelnetEngine#DEFAULT_HEIGHT} until the first report, and a 0 in a report (unknown) keeps
 * what was known for that side. Pure: the engine tells its listener when {@link #receive} says so.
 */
final class WindowSize {

    private boolean reported;
    private int width = TelnetEngine.DEFAULT_WIDTH;
    private int height = TelnetEngine.DEFAULT_HEIGHT;

    /**
     * Takes the body of a NAWS sub-negotiation ({@code w1 w0 h1 h0}); returns whether the listener
     * should hear it: the first report, or a different size. A body shorter than four bytes is ignored.
     */
    boolean receive(byte[] body, int length) {
        if (length < 4) {
            return false;
        }
        int w = (body[0] & 0xFF) << 8 | (body[1] & 0xFF);
        int h = (body[2] & 0xFF) << 8 | (body[3] & 0xFF);
        int newWidth = w == 0 ? width : w;
        int newHeight = h == 0 ? height : h;
        if (reported && newWidth == width && newHeight == height) {
            return false;
        }
        reported = true;
        width = newWidth;
        height = newHeight;
        return true;
    }

    int width() {
        return width;
    }

    int height() {
        return height;
    }
}
