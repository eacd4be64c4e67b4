package io.chuk.protocol.bench;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollEventLoopGroup;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.LineBasedFrameDecoder;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.netty.handler.codec.string.StringDecoder;
import io.netty.handler.codec.string.StringEncoder;
import io.netty.util.Version;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Netty baseline, in its own process, written the way a Netty user would: one event loop
 * group (epoll where available, else NIO) with one loop per core serving both listeners; a tcp
 * line echo ({@link LineBasedFrameDecoder}, string codec, {@link NettyLineEchoHandler}) and a
 * WebSocket echo at {@value #WS_PATH} ({@link HttpServerCodec}, {@link HttpObjectAggregator},
 * {@link WebSocketServerProtocolHandler}, {@link NettyWebSocketEchoHandler}).
 */
public final class NettyEchoServer {

    static final String WS_PATH = "/ws";
    private static final int MAX_LINE = 8192;
    private static final int MAX_MESSAGE = 65536;

    private NettyEchoServer() {
    }

    public static void main(String[] args) {
        ChildServer.serve(args, NettyEchoServer::start);
    }

    static ChildServer.Running start() throws InterruptedException {
        boolean epoll = Epoll.isAvailable();
        int loops = Runtime.getRuntime().availableProcessors();
        EventLoopGroup group = epoll ? new EpollEventLoopGroup(loops) : new NioEventLoopGroup(loops);
        Class<? extends ServerChannel> channelType = epoll ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
        try {
            StringDecoder stringDecoder = new StringDecoder(StandardCharsets.UTF_8);
            StringEncoder stringEncoder = new StringEncoder(StandardCharsets.UTF_8);
            NettyLineEchoHandler lineEcho = new NettyLineEchoHandler();
            Channel tcp = bind(group, channelType, new ChannelInitializer<SocketChannel>() {
                @Override
                protected void initChannel(SocketChannel channel) {
                    channel.pipeline().addLast(new LineBasedFrameDecoder(MAX_LINE), stringDecoder, stringEncoder,
                            lineEcho);
                }
            });
            NettyWebSocketEchoHandler webSocketEcho = new NettyWebSocketEchoHandler();
            Channel webSocket = bind(group, channelType, new ChannelInitializer<SocketChannel>() {
                @Override
                protected void initChannel(SocketChannel channel) {
                    channel.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(MAX_MESSAGE),
                            new WebSocketServerProtocolHandler(WS_PATH), webSocketEcho);
                }
            });
            Map<String, Integer> ports = new LinkedHashMap<>();
            ports.put("tcp", ((InetSocketAddress) tcp.localAddress()).getPort());
            ports.put("websocket", ((InetSocketAddress) webSocket.localAddress()).getPort());
            String version = Version.identify().get("netty-common").artifactVersion();
            return new ChildServer.Running("Netty " + version + ", " + (epoll ? "epoll" : "NIO") + ", " + loops
                    + " event loops", ports, () -> {
                        tcp.close().sync();
                        webSocket.close().sync();
                        group.shutdownGracefully().sync();
                    });
        } catch (InterruptedException | RuntimeException e) {
            group.shutdownGracefully();
            throw e;
        }
    }

    private static Channel bind(EventLoopGroup group, Class<? extends ServerChannel> channelType,
                                ChannelInitializer<SocketChannel> initializer) throws InterruptedException {
        return new ServerBootstrap()
                .group(group)
                .channel(channelType)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(initializer)
                .bind("127.0.0.1", 0).sync().channel();
    }
}
