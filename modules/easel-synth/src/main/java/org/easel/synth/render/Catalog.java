package org.easel.synth.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Every kind of content the generator draws, with how often. Financial content is what the
 * classifier must find; non-financial content includes hard negatives (diagrams, timetables,
 * scoreboards, calendars) that share grids, digits and colours with the financial kinds.
 */
public final class Catalog {
    /** One kind of content: its name (in file names and the manifest), class, relative frequency and renderer. */
    public record Subtype(String name, boolean financial, double weight, Renderer renderer) {
    }

    public static final List<Subtype> FINANCIAL = List.of(
            new Subtype("candlestick_chart", true, 9, ChartRenderer.of(ChartRenderer.CANDLE)),
            new Subtype("line_chart", true, 8, ChartRenderer.of(ChartRenderer.LINE)),
            new Subtype("area_chart", true, 6, ChartRenderer.of(ChartRenderer.AREA)),
            new Subtype("bar_chart", true, 7, ChartRenderer.of(ChartRenderer.BAR)),
            new Subtype("income_statement", true, 9, StatementRenderer::incomeStatement),
            new Subtype("balance_sheet", true, 7, StatementRenderer::balanceSheet),
            new Subtype("spreadsheet", true, 11, StatementRenderer::spreadsheet),
            new Subtype("invoice", true, 10, InvoiceRenderer::invoice),
            new Subtype("receipt", true, 8, InvoiceRenderer::receipt),
            new Subtype("ticker_board", true, 9, MarketRenderer::tickerBoard),
            new Subtype("trading_screen", true, 7, MarketRenderer::tradingScreen),
            new Subtype("dashboard", true, 9, MarketRenderer::dashboard));

    private static final Subtype PHOTO = new Subtype("photo", false, 18, c -> c.g.drawImage(c.photos.crop(c.r, c.w, c.h), c.x, c.y, null));

    private static final List<Subtype> NON_FINANCIAL_GENERATED = List.of(
            new Subtype("scene", false, 10, SceneRenderer::scene),
            new Subtype("texture", false, 7, Textures::texture),
            new Subtype("doodle", false, 7, SceneRenderer::doodle),
            new Subtype("prose", false, 8, TextRenderer::prose),
            new Subtype("poem", false, 4, TextRenderer::poem),
            new Subtype("letter", false, 5, TextRenderer::letter),
            new Subtype("menu", false, 4, TextRenderer::menu),
            new Subtype("flowchart", false, 5, DiagramRenderer::flowchart),
            new Subtype("org_chart", false, 4, DiagramRenderer::orgChart),
            new Subtype("network_graph", false, 3, DiagramRenderer::network),
            new Subtype("map", false, 4, DiagramRenderer::map),
            new Subtype("timeline", false, 4, DiagramRenderer::timeline),
            new Subtype("schedule", false, 5, BoardRenderer::schedule),
            new Subtype("word_spreadsheet", false, 5, StatementRenderer::wordSheet),
            new Subtype("list_note", false, 4, InvoiceRenderer::list),
            new Subtype("timetable", false, 4, BoardRenderer::timetable),
            new Subtype("scoreboard", false, 4, BoardRenderer::scoreboard),
            new Subtype("league_table", false, 4, BoardRenderer::leagueTable),
            new Subtype("departures_board", false, 3, BoardRenderer::departures),
            new Subtype("weather", false, 3, BoardRenderer::weather),
            new Subtype("calendar", false, 5, BoardRenderer::calendar));

    private Catalog() {
    }

    /** Non-financial kinds; real photos only when a photos folder was given. */
    public static List<Subtype> nonFinancial(boolean withPhotos) {
        List<Subtype> all = new ArrayList<>();
        if (withPhotos) {
            all.add(PHOTO);
        }
        all.addAll(NON_FINANCIAL_GENERATED);
        return List.copyOf(all);
    }

    public static Subtype pick(List<Subtype> kinds, Random r) {
        double total = 0;
        for (Subtype s : kinds) {
            total += s.weight();
        }
        double x = r.nextDouble() * total;
        for (Subtype s : kinds) {
            x -= s.weight();
            if (x < 0) {
                return s;
            }
        }
        return kinds.get(kinds.size() - 1);
    }
}
