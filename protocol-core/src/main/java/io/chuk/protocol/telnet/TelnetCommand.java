package io.chuk.protocol.telnet;

/** RFC 854 command bytes and the sub-negotiation codes of the options we parse. */
final class TelnetCommand {
    static final int SE = 240;
    static final int NOP = 241;
    static final int DM = 242;
    static final int BRK = 243;
    static final int IP = 244;
    static final int AO = 245;
    static final int AYT = 246;
    static final int EC = 247;
    static final int EL = 248;
    static final int GA = 249;
    static final int SB = 250;
    static final int WILL = 251;
    static final int WONT = 252;
    static final int DO = 253;
    static final int DONT = 254;
    static final int IAC = 255;

    static final int CR = 13;
    static final int LF = 10;
    static final int NUL = 0;

    // TTYPE (RFC 1091) and NEW-ENVIRON (RFC 1572) sub-commands
    static final int IS = 0;
    static final int SEND = 1;
    static final int INFO = 2;

    // NEW-ENVIRON (RFC 1572) list tags
    static final int VAR = 0;
    static final int VALUE = 1;
    static final int ESC = 2;
    static final int USERVAR = 3;

    // CHARSET (RFC 2066)
    static final int CHARSET_REQUEST = 1;
    static final int CHARSET_ACCEPTED = 2;
    static final int CHARSET_REJECTED = 3;
    static final int CHARSET_TTABLE_IS = 4;
    static final int CHARSET_TTABLE_REJECTED = 5;

    private TelnetCommand() {
    }

    static String name(int command) {
        switch (command) {
            case SE: return "SE";
            case NOP: return "NOP";
            case DM: return "DM";
            case BRK: return "BRK";
            case IP: return "IP";
            case AO: return "AO";
            case AYT: return "AYT";
            case EC: return "EC";
            case EL: return "EL";
            case GA: return "GA";
            case SB: return "SB";
            case WILL: return "WILL";
            case WONT: return "WONT";
            case DO: return "DO";
            case DONT: return "DONT";
            case IAC: return "IAC";
            default: return Integer.toString(command);
        }
    }
}
