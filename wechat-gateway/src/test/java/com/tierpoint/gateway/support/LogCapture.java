package com.tierpoint.gateway.support;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.AppenderBase;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.LoggerFactory;

/** Every log line of the test JVM (message and stack trace), so tests can scan them for secrets. */
public final class LogCapture extends AppenderBase<ILoggingEvent> {

    private static final LogCapture INSTANCE = new LogCapture();
    private final List<String> lines = new ArrayList<>();

    /** Attaches the capture to the root logger (again after Spring Boot resets logging) and returns it. */
    public static synchronized LogCapture install() {
        LoggerContext ctx = (LoggerContext) LoggerFactory.getILoggerFactory();
        Logger root = ctx.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        if (root.getAppender("test-capture") == null) {
            INSTANCE.setName("test-capture");
            INSTANCE.setContext(ctx);
            INSTANCE.start();
            root.addAppender(INSTANCE);
        }
        return INSTANCE;
    }

    @Override
    protected synchronized void append(ILoggingEvent e) {
        String line = e.getLoggerName() + " " + e.getFormattedMessage();
        if (e.getThrowableProxy() != null) {
            line += "\n" + ThrowableProxyUtil.asString(e.getThrowableProxy());
        }
        lines.add(line);
    }

    public synchronized List<String> lines() {
        return List.copyOf(lines);
    }
}
