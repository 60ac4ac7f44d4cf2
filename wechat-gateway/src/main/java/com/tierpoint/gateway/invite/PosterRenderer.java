package com.tierpoint.gateway.invite;

import java.awt.Color;
import java.awt.Font;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/**
 * Draws the invite poster (750 x 1200, the width mini-program designs use): a headline, the
 * inviter's line, the mini-program code to scan and the invite code written out for people who
 * type it. Plain Java2D, headless. Chinese text needs a CJK font on the machine (e.g. Debian's
 * fonts-noto-cjk); without one it is drawn as boxes.
 */
final class PosterRenderer {

    /** A font family that can draw Chinese, when the machine has one (fonts-noto-cjk, wqy, ...). */
    private static final String FAMILY = java.util.Arrays.stream(
                    java.awt.GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames())
            .filter(f -> new Font(f, Font.PLAIN, 12).canDisplayUpTo("邀请会员积分") == -1)
            .findFirst()
            .orElse(Font.SANS_SERIF);

    static final int WIDTH = 750;
    static final int HEIGHT = 1200;
    private static final int CODE_SIZE = 360;

    byte[] render(String title, String inviterLine, String inviteCode, byte[] miniProgramCodePng) {
        BufferedImage poster = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = poster.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
            g.setPaint(new GradientPaint(0, 0, new Color(0xB8, 0x86, 0x0B), 0, HEIGHT, new Color(0x3A, 0x2A, 0x10)));
            g.fillRect(0, 0, WIDTH, HEIGHT);

            g.setColor(Color.WHITE);
            g.setFont(new Font(FAMILY, Font.BOLD, 56));
            centered(g, title, 200);
            g.setFont(new Font(FAMILY, Font.PLAIN, 32));
            centered(g, inviterLine, 280);

            int cardX = (WIDTH - CODE_SIZE - 80) / 2;
            int cardY = 400;
            g.setColor(Color.WHITE);
            g.fillRoundRect(cardX, cardY, CODE_SIZE + 80, CODE_SIZE + 80, 40, 40);
            BufferedImage code = ImageIO.read(new ByteArrayInputStream(miniProgramCodePng));
            if (code != null) {
                g.drawImage(code, cardX + 40, cardY + 40, CODE_SIZE, CODE_SIZE, null);
            }

            g.setColor(Color.WHITE);
            g.setFont(new Font(FAMILY, Font.PLAIN, 30));
            centered(g, "长按识别小程序码", cardY + CODE_SIZE + 150);
            g.setFont(new Font(Font.MONOSPACED, Font.BOLD, 44));
            centered(g, inviteCode, cardY + CODE_SIZE + 230);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the mini-program code image", e);
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(poster, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void centered(Graphics2D g, String text, int baseline) {
        int w = g.getFontMetrics().stringWidth(text);
        g.drawString(text, (WIDTH - w) / 2, baseline);
    }
}
