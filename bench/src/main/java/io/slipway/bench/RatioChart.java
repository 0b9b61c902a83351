package io.slipway.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;

/** A bar chart of ratios to the floor (1.0 = the engine's own cost), drawn with Java2D into a PNG. */
final class RatioChart {

    record Bar(String label, double ratio, double target) {}

    private static final int WIDTH = 900;
    private static final int ROW = 34;
    private static final int LEFT = 330;
    private static final int TOP = 50;

    private RatioChart() {}

    static void write(String title, List<Bar> bars, Path png) {
        System.setProperty("java.awt.headless", "true");
        int height = TOP + bars.size() * ROW + 50;
        double max = Math.max(
                2.0,
                bars.stream()
                                .mapToDouble(bar -> Math.max(bar.ratio(), bar.target()))
                                .max()
                                .orElse(1)
                        * 1.1);
        BufferedImage image = new BufferedImage(WIDTH, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, WIDTH, height);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        g.drawString(title, 20, 28);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        int plot = WIDTH - LEFT - 90;
        for (int i = 0; i < bars.size(); i++) {
            Bar bar = bars.get(i);
            int y = TOP + i * ROW;
            g.setColor(Color.BLACK);
            g.drawString(bar.label(), 20, y + 20);
            int length = (int) Math.round(bar.ratio() / max * plot);
            boolean met = bar.target() <= 0 || bar.ratio() <= bar.target();
            g.setColor(met ? new Color(0x2E7D32) : new Color(0xC62828));
            g.fillRect(LEFT, y + 6, length, ROW - 12);
            g.setColor(Color.BLACK);
            g.drawString(String.format("%.2f×", bar.ratio()), LEFT + length + 6, y + 20);
            if (bar.target() > 0) {
                int x = LEFT + (int) Math.round(bar.target() / max * plot);
                g.setStroke(new BasicStroke(2));
                g.setColor(new Color(0x1565C0));
                g.drawLine(x, y + 2, x, y + ROW - 2);
            }
        }
        int one = LEFT + (int) Math.round(1.0 / max * plot);
        g.setColor(Color.GRAY);
        g.setStroke(new BasicStroke(1, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] {4, 4}, 0));
        g.drawLine(one, TOP - 4, one, TOP + bars.size() * ROW);
        g.drawString("1.0 = floor", one - 30, TOP + bars.size() * ROW + 18);
        g.setColor(new Color(0x1565C0));
        g.drawString("| target   green: met   red: missed", LEFT, TOP + bars.size() * ROW + 38);
        g.dispose();
        try {
            ImageIO.write(image, "png", png.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
