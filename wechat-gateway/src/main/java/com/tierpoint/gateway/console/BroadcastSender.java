package com.tierpoint.gateway.console;

import com.tierpoint.gateway.wecom.WeComAccount;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import me.chanjar.weixin.common.error.WxErrorException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Sends queued notices through each group's robot webhook, as fast as the robots' one-minute
 * windows allow. WeCom's frequency limit (45009) and busy answers (-1) put the notice back at
 * the head of its queue; any other error fails it. Every outcome is audited.
 */
final class BroadcastSender implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(BroadcastSender.class);
    private static final int MAX_ATTEMPTS = 5;
    static final String INTERRUPTED = "发送中断：网关在发送时停止，无法确认群内是否已收到，请在群内确认后再决定是否重发";

    private final Broadcasts broadcasts;
    private final WeComAccount wecom;
    private final CoreOperators operators;
    private final Duration poll;
    private volatile boolean running;
    private volatile CountDownLatch stopping = new CountDownLatch(0);
    private volatile Thread thread;

    BroadcastSender(Broadcasts broadcasts, WeComAccount wecom, CoreOperators operators, Duration poll) {
        this.broadcasts = broadcasts;
        this.wecom = wecom;
        this.operators = operators;
        this.poll = poll;
    }

    @Override
    public synchronized void start() {
        if (running || !wecom.enabled()) {
            return;
        }
        running = true;
        stopping = new CountDownLatch(1);
        Thread t = new Thread(this::run, "group-broadcasts");
        t.setDaemon(true);
        thread = t;
        t.start();
    }

    @Override
    public synchronized void stop() {
        running = false;
        stopping.countDown();
        Thread t = thread;
        if (t != null) {
            try {
                t.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void run() {
        while (running) {
            try {
                sendWhatFits();
            } catch (RuntimeException e) {
                log.warn("group broadcasts: {}", e.toString());
            }
            try {
                stopping.await(poll.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /**
     * One pass: first the notices a stopped gateway left half-sent, then every group's queue,
     * until its robot's window is full or the queue is empty.
     */
    void sendWhatFits() {
        for (Broadcasts.Broadcast b : broadcasts.abandoned()) {
            // sending it again could post it twice; the operator sees it and decides
            log.warn("broadcast {} to {} was left unfinished by a stopped gateway", b.id(), b.chatId());
            finish(b, false, INTERRUPTED);
        }
        for (String chat : broadcasts.chatsWithQueues()) {
            Optional<Broadcasts.Broadcast> next;
            while (running && (next = broadcasts.takeNext(chat)).isPresent()) {
                if (!send(next.get())) {
                    break; // the robot is limited or WeCom is busy: this group waits for the next pass
                }
            }
        }
    }

    /** False when the notice went back to the queue. */
    private boolean send(Broadcasts.Broadcast b) {
        Optional<String> webhook = wecom.robotWebhook(b.chatId());
        if (webhook.isEmpty()) {
            finish(b, false, "该群没有配置群机器人");
            return true;
        }
        try {
            wecom.service().getGroupRobotService().sendMarkdown(webhook.get(), b.markdown());
            finish(b, true, "");
            return true;
        } catch (WxErrorException e) {
            int code = e.getError().getErrorCode();
            String error = "企业微信错误码 " + code;
            if ((code == 45009 || code == -1) && broadcasts.attempt(b.id()) < MAX_ATTEMPTS) {
                log.info("broadcast {} to {}: errcode {}, retrying later", b.id(), b.chatId(), code);
                broadcasts.retryLater(b, error);
                return false;
            }
            finish(b, false, error);
            return true;
        } catch (RuntimeException e) {
            if (broadcasts.attempt(b.id()) < MAX_ATTEMPTS) {
                log.info("broadcast {} to {}: {}, retrying later", b.id(), b.chatId(), e.toString());
                broadcasts.retryLater(b, "网络错误");
                return false;
            }
            finish(b, false, "网络错误");
            return true;
        }
    }

    private void finish(Broadcasts.Broadcast b, boolean ok, String error) {
        if (ok) {
            broadcasts.sent(b.id());
        } else {
            broadcasts.failed(b.id(), error);
        }
        operators.audit(
                b.operator(),
                ok ? "broadcast.sent" : "broadcast.failed",
                null,
                0,
                null,
                ok ? "OK" : "FAILED",
                "group " + b.chatId() + (ok ? "" : ": " + error),
                "broadcast:" + b.id() + ":done");
    }
}
