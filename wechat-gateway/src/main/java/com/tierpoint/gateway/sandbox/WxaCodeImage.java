package com.tierpoint.gateway.sandbox;

import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * A stand-in for a mini-program code: a black and white module pattern derived from the scene, the same bytes for
 * the same scene and width. Draws pixels on a raster only, so it needs no display.
 */
final class WxaCodeImage {

    private static final int MODULES = 25;
    private static final int MIN_WIDTH = 280;
    private static final int MAX_WIDTH = 1280;

    private WxaCodeImage() {}

    static byte[] png(String scene, int requestedWidth) {
        int moduleSize = Math.max(1, clamp(requestedWidth) / MODULES);
        int size = moduleSize * MODULES;
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_BYTE_BINARY);
        WritableRaster raster = image.getRaster();
        byte[] bits = bits(scene);
        for (int row = 0; row < MODULES; row++) {
            for (int col = 0; col < MODULES; col++) {
                int white = dark(bits, row, col) ? 0 : 1;
                for (int y = 0; y < moduleSize; y++) {
                    for (int x = 0; x < moduleSize; x++) {
                        raster.setSample(col * moduleSize + x, row * moduleSize + y, 0, white);
                    }
                }
            }
        }
        return encode(image);
    }

    private static boolean dark(byte[] bits, int row, int col) {
        if (inFinder(row, col, 0, 0) || inFinder(row, col, 0, MODULES - 7) || inFinder(row, col, MODULES - 7, 0)) {
            int r = Math.max(Math.abs(row % (MODULES - 7) - 3), Math.abs(col % (MODULES - 7) - 3));
            return r != 2;
        }
        int index = row * MODULES + col;
        return ((bits[(index / 8) % bits.length] >> (index % 8)) & 1) == 1;
    }

    private static boolean inFinder(int row, int col, int top, int left) {
        return row >= top && row < top + 7 && col >= left && col < left + 7;
    }

    private static byte[] bits(String scene) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-512");
            return sha.digest(scene.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int clamp(int width) {
        if (width <= 0) {
            return 430;
        }
        return Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, width));
    }

    private static byte[] encode(BufferedImage image) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            writer.write(image);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }
}
