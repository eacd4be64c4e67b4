package io.chuk.protocol.session;

import io.chuk.protocol.api.Gmcp;
import io.chuk.protocol.api.Msdp;
import io.chuk.protocol.api.RequestInfo;
import io.chuk.protocol.api.ServerSettings;
import io.chuk.protocol.api.Session;
import io.chuk.protocol.api.SessionDirectory;
import io.chuk.protocol.api.TelnetControl;
import io.chuk.protocol.api.TerminalInfo;
import io.chuk.protocol.api.Transport;
import io.chuk.protocol.directory.ActiveDirectory;
import io.chuk.protocol.handlers.HandlerContext;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * What a handler holds of its session: the public {@link Session} and {@link HandlerContext}
 * and nothing else, so handler code cannot reach the engine's {@link ProtocolSession} (its
 * transport-side methods such as {@code receive} or {@code transportClosed}).
 */
final class HandlerSession implements Session, HandlerContext {

    private final ProtocolSession session;
    private final TelnetControl telnet;

    HandlerSession(ProtocolSession session, TelnetControl telnet) {
        this.session = session;
        this.telnet = telnet;
    }

    // ---- Session ----------------------------------------------------------------------------

    @Override
    public String id() {
        return session.id();
    }

    @Override
    public String serverName() {
        return session.serverName();
    }

    @Override
    public Transport transport() {
        return session.transport();
    }

    @Override
    public InetSocketAddress remoteAddress() {
        return session.remoteAddress();
    }

    @Override
    public InetSocketAddress localAddress() {
        return session.localAddress();
    }

    @Override
    public Instant startTime() {
        return session.startTime();
    }

    @Override
    public Instant lastActivity() {
        return session.lastActivity();
    }

    @Override
    public Map<String, Object> attributes() {
        return session.attributes();
    }

    @Override
    public Optional<TerminalInfo> terminal() {
        return session.terminal();
    }

    @Override
    public Optional<RequestInfo> request() {
        return session.request();
    }

    @Override
    public boolean isOpen() {
        return session.isOpen();
    }

    // ---- HandlerContext ---------------------------------------------------------------------

    @Override
    public Session session() {
        return this;
    }

    @Override
    public ServerSettings config() {
        return session.config();
    }

    @Override
    public void sendLine(String line) {
        session.sendLine(line);
    }

    @Override
    public void sendRaw(byte[] data) {
        session.sendRaw(data);
    }

    @Override
    public void sendPrompt(String prompt) {
        session.sendPrompt(prompt);
    }

    @Override
    public boolean serverEchoes() {
        return session.serverEchoes();
    }

    @Override
    public void close() {
        session.close();
    }

    @Override
    public SessionDirectory directory() {
        return ActiveDirectory.get();
    }

    @Override
    public Gmcp gmcp() {
        return session.gmcp();
    }

    @Override
    public Msdp msdp() {
        return session.msdp();
    }

    @Override
    public Optional<TelnetControl> telnet() {
        return Optional.ofNullable(telnet);
    }

    @Override
    public void setInputHidden(boolean hidden) {
        session.setInputHidden(hidden);
    }

    @Override
    public boolean inputHidden() {
        return session.inputHidden();
    }

    @Override
    public Scheduled schedule(Duration delay, Runnable task) {
        return session.schedule(delay, task);
    }

    @Override
    public void whenClosed(Runnable task) {
        session.whenClosed(task);
    }

    @Override
    public <T> T await(CompletionStage<T> stage) {
        return session.await(stage);
    }

    @Override
    public boolean awaiting() {
        return session.awaitingOnThisThread();
    }

    @Override
    public String toString() {
        return "Session[" + id() + " " + transport() + " " + remoteAddress() + "]";
    }
}
