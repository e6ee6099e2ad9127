package dev.homeostat.operator.local;

import static org.awaitility.Awaitility.await;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.logging.Level;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * The local-mode web page open in a real headless Chromium (Debian's chromium + chromium-driver, which .ci/run
 * installs), with its console log kept, for the tests that check what the page shows.
 */
final class LocalPage implements AutoCloseable {

    static final String CHROMIUM = "/usr/bin/chromium";
    static final String CHROMEDRIVER = "/usr/bin/chromedriver";

    final WebDriver driver;

    /** Whether the browser is installed; the page checks are skipped where it is not. */
    static boolean available() {
        return Files.isExecutable(Path.of(CHROMEDRIVER)) && Files.isExecutable(Path.of(CHROMIUM));
    }

    LocalPage(URL page) {
        System.setProperty(ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY, CHROMEDRIVER);
        var options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage");
        var logging = new LoggingPreferences();
        logging.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logging);
        driver = new ChromeDriver(options);
        driver.get(page.toString());
    }

    /** Waits until {@code condition} holds, printing the page and the browser's log if it never does. */
    void awaitUntil(String what, Duration atMost, Callable<Boolean> condition) {
        await(what).conditionEvaluationListener(c -> {
                    if (c.getRemainingTimeInMS() <= 1000) {
                        String source = driver.getPageSource();
                        System.out.println("page: " + source.substring(0, Math.min(2000, source.length()))
                                + "\nbrowser log: " + driver.manage().logs().get(LogType.BROWSER).getAll());
                    }
                }).atMost(atMost).pollInterval(Duration.ofSeconds(1)).until(condition);
    }

    /** Console messages at SEVERE or above since the last call. */
    List<LogEntry> errors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).toList();
    }

    @Override
    public void close() {
        driver.quit();
    }
}
