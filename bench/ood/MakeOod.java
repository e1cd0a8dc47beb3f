import java.awt.*;
import java.awt.image.BufferedImage;
import java.io.File;
import java.util.*;
import javax.imageio.ImageIO;
import org.jfree.chart.*;
import org.jfree.chart.plot.*;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.time.*;
import org.jfree.data.time.ohlc.*;
import org.jfree.data.xy.*;

/** Out-of-generator test images: finance charts drawn by JFreeChart and plain Java2D tables of figures. */
public class MakeOod {
  public static void main(String[] a) throws Exception {
    String dir = a.length > 0 ? a[0] : "/tmp/ood";
    Random r = new Random(2026);
    String[] tickers = {"ACME", "GLOBX", "NWTK", "BRKL"};
    for (int i = 0; i < 4; i++) {
      TimeSeries s = new TimeSeries(tickers[i] + " close");
      double p = 50 + r.nextInt(200);
      Day d = new Day(2, 1, 2025);
      for (int k = 0; k < 250; k++) { p *= 1 + r.nextGaussian() * 0.015; s.add(d, p); d = (Day) d.next(); }
      JFreeChart c = ChartFactory.createTimeSeriesChart(tickers[i] + " share price (USD)", "Date", "Price", new TimeSeriesCollection(s));
      ChartUtils.saveChartAsPNG(new File(dir + "/financial/line-" + i + ".png"), c, 640, 400);
    }
    for (int i = 0; i < 3; i++) {
      OHLCSeries o = new OHLCSeries(tickers[i]);
      double p = 100;
      Day d = new Day(1, 3, 2025);
      for (int k = 0; k < 40; k++) { double open = p, close = p * (1 + r.nextGaussian() * 0.02);
        o.add(d, open, Math.max(open, close) * 1.01, Math.min(open, close) * 0.99, close); p = close; d = (Day) d.next(); }
      OHLCSeriesCollection col = new OHLCSeriesCollection(); col.addSeries(o);
      JFreeChart c = ChartFactory.createCandlestickChart(tickers[i] + " daily OHLC", "Date", "USD", col, false);
      ChartUtils.saveChartAsPNG(new File(dir + "/financial/candle-" + i + ".png"), c, 640, 400);
    }
    for (int i = 0; i < 3; i++) {
      DefaultCategoryDataset ds = new DefaultCategoryDataset();
      for (String q : new String[]{"Q1", "Q2", "Q3", "Q4"}) { ds.addValue(100 + r.nextInt(900), "Revenue ($m)", q); ds.addValue(50 + r.nextInt(400), "Net income ($m)", q); }
      JFreeChart c = ChartFactory.createBarChart("FY2025 revenue and net income", "Quarter", "$ millions", ds);
      ChartUtils.saveChartAsPNG(new File(dir + "/financial/bar-" + i + ".png"), c, 640, 400);
    }
    String[] items = {"Cash and equivalents", "Accounts receivable", "Inventory", "Total current assets", "Property, plant & equipment",
        "Goodwill", "Total assets", "Accounts payable", "Long-term debt", "Shareholders' equity"};
    for (int i = 0; i < 4; i++) {
      BufferedImage img = new BufferedImage(640, 480, BufferedImage.TYPE_INT_RGB);
      Graphics2D g = img.createGraphics();
      g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.setColor(Color.WHITE); g.fillRect(0, 0, 640, 480); g.setColor(Color.BLACK);
      g.setFont(new Font(i % 2 == 0 ? "Serif" : "Monospaced", Font.BOLD, 20));
      g.drawString("Consolidated Balance Sheet (in thousands)", 30, 40);
      g.setFont(new Font(i % 2 == 0 ? "Serif" : "Monospaced", Font.PLAIN, 16));
      int y = 80;
      for (String it : items) { g.drawString(it, 30, y); g.drawString(String.format("%,d", 1000 + r.nextInt(900000)), 400, y);
        g.drawString(String.format("%,d", 1000 + r.nextInt(900000)), 520, y); y += 36; }
      g.dispose();
      ImageIO.write(img, "png", new File(dir + "/financial/statement-" + i + ".png"));
    }
  }
}
