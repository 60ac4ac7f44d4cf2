package com.tierpoint.gateway.wechat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;

/**
 * Keeps WeChat secrets out of the logs whatever the log levels say. WxJava logs every raw
 * request and response at DEBUG, and a code2session response carries the {@code session_key};
 * an operator turning on DEBUG to chase a problem must not write it to disk. This filter drops
 * DEBUG and TRACE events of WxJava's loggers, and any event of any logger whose message template
 * or arguments mention a session key or secret.
 */
public final class WeChatLogGuard extends TurboFilter {

    private static final String[] WXJAVA = {"cn.binarywang.", "me.chanjar."};
    private static final String[] SECRETS = {
        "session_key", "sessionKey", "secret=", "access_token=", "webhook/send?key="
    };

    /** Installs the guard into Logback (once; Spring Boot's logging reset keeps turbo filters out, so call after it). */
    public static void install() {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext ctx)) {
            return;
        }
        boolean present = ctx.getTurboFilterList().stream().anyMatch(f -> f instanceof WeChatLogGuard);
        if (!present) {
            WeChatLogGuard guard = new WeChatLogGuard();
            guard.setContext(ctx);
            guard.start();
            ctx.addTurboFilter(guard);
        }
    }

    @Override
    public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
        if (format == null || !level.isGreaterOrEqual(logger.getEffectiveLevel())) {
            // disabled events are dropped by Logback anyway: no need to scan them
            return FilterReply.NEUTRAL;
        }
        if (!level.isGreaterOrEqual(Level.INFO)) {
            for (String prefix : WXJAVA) {
                if (logger.getName().startsWith(prefix)) {
                    return FilterReply.DENY;
                }
            }
        }
        if (mentionsSecret(format)) {
            return FilterReply.DENY;
        }
        if (params != null) {
            for (Object p : params) {
                if (p instanceof CharSequence s && mentionsSecret(s.toString())) {
                    return FilterReply.DENY;
                }
            }
        }
        return FilterReply.NEUTRAL;
    }

    private static boolean mentionsSecret(String s) {
        for (String secret : SECRETS) {
            if (s.contains(secret)) {
                return true;
            }
        }
        return false;
    }
}
