package io.chuk.protocol.session;

import io.chuk.protocol.api.TelnetControl;
import io.chuk.protocol.telnet.TelnetOption;

import java.util.function.Consumer;

/** {@link TelnetControl} over a session's telnet layer: every request through RFC 1143 negotiation. */
final class TelnetControls implements TelnetControl {

    private final TelnetStream telnet;
    private final Consumer<byte[]> send;

    TelnetControls(TelnetStream telnet, Consumer<byte[]> send) {
        this.telnet = telnet;
        this.send = send;
    }

    @Override
    public boolean isEnabledLocally(int option) {
        return telnet.isEnabledLocally(option);
    }

    @Override
    public boolean isEnabledRemotely(int option) {
        return telnet.isEnabledRemotely(option);
    }

    @Override
    public boolean requestLocal(int option, boolean enable) {
        return telnet.requestLocal(option, enable);
    }

    @Override
    public boolean requestRemote(int option, boolean enable) {
        return telnet.requestRemote(option, enable);
    }

    @Override
    public void setCharacterMode(boolean characterMode) {
        telnet.requestLocal(TelnetOption.ECHO, characterMode);
        if (characterMode) {
            telnet.requestLocal(TelnetOption.SGA, true);
        }
    }

    @Override
    public boolean characterMode() {
        return telnet.serverEchoes();
    }

    @Override
    public void sendGoAhead() {
        send.accept(telnet.goAhead());
    }

    @Override
    public boolean sendEndOfRecord() {
        byte[] eor = telnet.endOfRecord();
        if (eor == null) {
            return false;
        }
        send.accept(eor);
        return true;
    }
}
