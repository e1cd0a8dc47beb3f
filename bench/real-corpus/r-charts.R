# Charts drawn by R from data sets that Debian's R packages ship (no data are made up here):
#   Rscript r-charts.R OUTDIR
# Writes OUTDIR/<name>.png and OUTDIR/index.tsv (file, what was drawn). Prices, exchange rates, index levels and
# yields (financial), and the same plotting functions on data that are not money (non-financial).
suppressMessages({
  library(quantmod); library(TTR); library(xts); library(zoo); library(timeSeries); library(fPortfolio)
  library(tseries); library(ggplot2)
})
args <- commandArgs(trailingOnly = TRUE)
out <- args[1]
dir.create(out, showWarnings = FALSE, recursive = TRUE)
index <- data.frame(file = character(), what = character())
set.seed(1)

shot <- function(name, what, expr, width = 1200, height = 800, res = 110) {
  file <- file.path(out, paste0(name, ".png"))
  png(file, width = width, height = height, res = res, type = "cairo")
  tryCatch(force(expr), finally = dev.off())
  index[nrow(index) + 1, ] <<- c(basename(file), what)
}

data(EuStockMarkets)
data(ttrc, package = "TTR")
data(sample_matrix, package = "xts")
data(MSFT, package = "timeSeries")
data(USDCHF, package = "timeSeries")
data(SWX, package = "fPortfolio")
data(SPISECTOR, package = "fPortfolio")
data(tcm, package = "tseries")
ttrc_x <- xts(ttrc[, -1], order.by = as.Date(ttrc$Date))
msft <- as.xts(MSFT)
sm <- as.xts(sample_matrix)

# ---- financial: prices, index levels, exchange rates, yields
shot("eustock-all", "datasets::EuStockMarkets, plot.ts of DAX, SMI, CAC, FTSE closing levels",
     plot(EuStockMarkets, main = "European stock indices, daily closing prices 1991-1998"))
for (ix in colnames(EuStockMarkets)) {
  shot(paste0("eustock-", ix), paste0("datasets::EuStockMarkets, ", ix, " closing level (base graphics)"),
       plot(EuStockMarkets[, ix], main = paste(ix, "index, daily close"), ylab = "Index level", col = "navy"))
}
shot("eustock-ggplot", "datasets::EuStockMarkets, ggplot2 line chart of the four indices",
     print(ggplot(data.frame(date = rep(as.numeric(time(EuStockMarkets)), 4),
                             level = as.vector(EuStockMarkets),
                             index = rep(colnames(EuStockMarkets), each = nrow(EuStockMarkets))),
                  aes(date, level, colour = index)) + geom_line() + theme_minimal(base_size = 14) +
             labs(title = "European stock markets", x = "Year", y = "Closing level")))
shot("ttrc-candles", "TTR::ttrc, quantmod chartSeries candlesticks 2006 with volume (black theme)",
     chartSeries(ttrc_x["2006-06/2006-12"], name = "ttrc (TTR sample stock)", theme = chartTheme("black")))
shot("ttrc-white-bbands", "TTR::ttrc, chartSeries 2005 with Bollinger bands and volume (white theme)",
     { chartSeries(ttrc_x["2005"], name = "ttrc 2005", theme = chartTheme("white")); print(addBBands()) })
shot("ttrc-macd", "TTR::ttrc, chartSeries bars with MACD and RSI",
     { chartSeries(ttrc_x["2004-01/2004-09"], type = "bars", name = "ttrc", theme = chartTheme("white"));
       print(addMACD()); print(addRSI()) })
shot("ttrc-line-sma", "TTR::ttrc, chartSeries line 1999-2006 with 50/200-day moving averages",
     { chartSeries(ttrc_x["1999/2006"], type = "line", name = "ttrc close", theme = chartTheme("black"));
       print(addSMA(50)); print(addSMA(200, col = "red")) })
shot("xts-sample-candles", "xts::sample_matrix, chartSeries candlesticks (white theme)",
     chartSeries(sm["2007-03/2007-05"], name = "sample_matrix (xts)", theme = chartTheme("white")))
shot("xts-sample-chart_Series", "xts::sample_matrix, quantmod chart_Series",
     print(chart_Series(sm, name = "sample_matrix prices")))
shot("msft-candles", "timeSeries::MSFT (Microsoft OHLC 2000-2001), chartSeries with volume",
     chartSeries(msft, name = "MSFT", theme = chartTheme("black")))
shot("msft-close", "timeSeries::MSFT, closing price (plot.xts)",
     print(plot(msft[, "Close"], main = "Microsoft closing price, USD")))
shot("usdchf", "timeSeries::USDCHF, USD/CHF exchange rate (half-hourly)",
     plot(USDCHF, main = "USD/CHF exchange rate", ylab = "CHF per USD", col = "darkgreen"))
shot("swx-indices", "fPortfolio::SWX, Swiss bond, stock and immobilien indices and pension indices",
     plot(SWX, main = "SWX indices (SBI, SPI, SII, LP25, LP40, LP60)"))
shot("swx-spi", "fPortfolio::SWX, SPI level",
     plot(SWX[, "SPI"], main = "Swiss Performance Index", ylab = "SPI", col = "red"))
shot("spisector", "fPortfolio::SPISECTOR, SPI sector indices",
     plot(SPISECTOR, plot.type = "single", col = rainbow(10), main = "SPI sector indices", ylab = "Index level"))
for (yr in c("1992", "1995", "1997", "2000", "2002", "2003")) {
  shot(paste0("ttrc-", yr), paste0("TTR::ttrc, chartSeries of ", yr, " (",
                                    ifelse(as.integer(yr) %% 2 == 0, "white", "black"), " theme)"),
       chartSeries(ttrc_x[yr], name = paste("ttrc", yr), type = ifelse(as.integer(yr) %% 3 == 0, "bars", "candlesticks"),
                   theme = chartTheme(ifelse(as.integer(yr) %% 2 == 0, "white", "black"))))
}
for (sector in c("BASI", "FINA", "TECH", "HLTH", "UTIL")) {
  shot(paste0("spisector-", sector), paste0("fPortfolio::SPISECTOR, ", sector, " sector index (plot.xts)"),
       print(plot(as.xts(SPISECTOR[, sector]), main = paste("SPI sector index", sector))))
}
shot("tcm-yields", "tseries::tcm, US Treasury constant maturity yields",
     plot(tcm, main = "US Treasury yields (1, 3, 5, 10 years), percent"))
shot("eustock-table", "datasets::EuStockMarkets, first 25 closing levels printed as a table",
     { plot.new(); par(family = "mono"); txt <- capture.output(print(round(head(EuStockMarkets, 25), 2)));
       text(0, 1 - seq_along(txt) / 30, txt, adj = 0, cex = 0.9) })
shot("msft-table", "timeSeries::MSFT, first 25 rows of open/high/low/close/volume printed as a table",
     { plot.new(); par(family = "mono"); txt <- capture.output(print(head(MSFT, 25)));
       text(0, 1 - seq_along(txt) / 30, txt, adj = 0, cex = 0.9) })

# ---- non-financial: the same functions on data that are not money
shot("nile", "datasets::Nile, annual flow of the river Nile", plot(Nile, main = "Nile flow", col = "navy"))
shot("sunspots", "datasets::sunspot.month, monthly sunspot numbers", plot(sunspot.month, main = "Sunspots"))
shot("co2", "datasets::co2, Mauna Loa CO2 concentration", plot(co2, main = "Atmospheric CO2 (ppm)"))
shot("lynx-ggplot", "datasets::lynx, ggplot2 line chart of lynx trappings",
     print(ggplot(data.frame(year = as.numeric(time(lynx)), n = as.numeric(lynx)), aes(year, n)) +
             geom_line(colour = "darkorange") + theme_minimal(base_size = 14) + labs(title = "Lynx trappings")))
shot("airquality", "datasets::airquality, ozone against temperature",
     plot(Ozone ~ Temp, data = airquality, main = "Ozone and temperature, New York 1973", pch = 19))
shot("faithful-hist", "datasets::faithful, histogram of eruption durations",
     hist(faithful$eruptions, breaks = 30, main = "Old Faithful eruptions", col = "grey"))
shot("iris-pairs", "datasets::iris, pairs plot", pairs(iris[1:4], col = iris$Species, main = "Iris"))
shot("mtcars-boxplot", "datasets::mtcars, boxplot of mpg by cylinders",
     boxplot(mpg ~ cyl, data = mtcars, main = "Fuel economy by cylinders", col = "lightblue"))
shot("volcano-contour", "datasets::volcano, filled contour",
     filled.contour(volcano, color.palette = terrain.colors, main = "Maunga Whau volcano"))
shot("precip-dotchart", "datasets::precip, dot chart of rainfall",
     dotchart(sort(precip)[1:40], main = "Annual precipitation (inches)"))
shot("sample-random-walk-xts", "a random walk plotted with plot.xts (no money; seeded)",
     print(plot(xts(cumsum(rnorm(500)), as.Date("2020-01-01") + 0:499), main = "Random walk")))
shot("chickweight-ggplot", "datasets::ChickWeight, ggplot2 growth curves",
     print(ggplot(ChickWeight, aes(Time, weight, group = Chick, colour = Diet)) + geom_line() +
             theme_minimal(base_size = 14) + labs(title = "Chick weights")))
shot("ldeaths", "datasets::ldeaths, monthly deaths from lung diseases, UK",
     plot(ldeaths, main = "UK lung disease deaths", col = "darkred"))
shot("quakes-map", "datasets::quakes, earthquake locations",
     plot(lat ~ long, data = quakes, cex = mag - 3.5, main = "Earthquakes off Fiji", pch = 1))

write.table(index, file.path(out, "index.tsv"), sep = "\t", quote = FALSE, row.names = FALSE)
