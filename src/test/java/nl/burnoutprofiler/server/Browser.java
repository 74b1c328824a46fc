package nl.burnoutprofiler.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.Pdf;
import org.openqa.selenium.PrintsPage;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.print.PageSize;
import org.openqa.selenium.print.PrintOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium, headless and driven by Selenium, for the browser tests. Screenshots go to
 * {@code target/e2e-screenshots/} (the build folder's) for a person to look at.
 */
final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("BURNOUT_CHROMIUM", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER =
            Path.of(System.getenv().getOrDefault("BURNOUT_CHROMEDRIVER", "/usr/bin/chromedriver"));
    static final Path SCREENSHOTS = Path.of(System.getProperty("build.directory", "target"), "e2e-screenshots");

    private final WebDriver driver;
    private final WebDriverWait wait;
    private final String base;

    private Browser(WebDriver driver, String base) {
        this.driver = driver;
        this.wait = new WebDriverWait(driver, Duration.ofSeconds(15));
        this.base = base;
    }

    /**
     * Skips the calling test class when Chromium or ChromeDriver is missing, unless it runs in CI
     * ({@code BURNOUT_CI} set), where that is a failure. Call it before starting anything.
     */
    static void requireInstalled() {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!installed && System.getenv("BURNOUT_CI") == null) {
            Assumptions.abort("Chromium or ChromeDriver is not installed (" + CHROMIUM + ", " + CHROMEDRIVER
                    + "): the browser test is skipped. `apt-get install chromium chromium-driver`, or run .ci/run.");
        }
        assertThat(installed).as("CI installs Chromium and ChromeDriver").isTrue();
    }

    /** A new headless browser with its own profile folder, for the server at {@code base} (http://host:port). */
    static Browser start(String base, Path profile) throws IOException {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        // The flags a closed network and a root sandbox need: no background calls home, no GPU, no sandbox.
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--disable-quic", "--window-size=1280,1600", "--lang=nl-NL",
                "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        Browser browser = new Browser(new ChromeDriver(service, options), base);
        Files.createDirectories(SCREENSHOTS);
        return browser;
    }

    WebDriver driver() {
        return driver;
    }

    WebDriverWait await() {
        return wait;
    }

    String base() {
        return base;
    }

    /** Opens a page of the web application, e.g. {@code "case.html?id=c-1"}. */
    void open(String page) {
        driver.get(base + "/" + page);
    }

    void signIn(String username, String password) {
        open("login.html");
        wait.until(ExpectedConditions.elementToBeClickable(By.id("username"))).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.id("sign-in")).click();
    }

    Object script(String script, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(script, arguments);
    }

    /** Prints the page as Chromium does to A4 portrait, keeps the PDF beside the screenshots, and counts its pages. */
    int printedPages(String name) throws IOException {
        PrintOptions options = new PrintOptions();
        options.setPageSize(new PageSize(29.7, 21.0));
        Pdf pdf = ((PrintsPage) driver).print(options);
        byte[] bytes = Base64.getDecoder().decode(pdf.getContent());
        Files.write(SCREENSHOTS.resolve(name + ".pdf"), bytes);
        return (int) Pattern.compile("/Type\\s*/Page[^s]").matcher(new String(bytes, StandardCharsets.ISO_8859_1))
                .results().count();
    }

    void screenshot(String name) throws IOException {
        Path shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(shot, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    /**
     * What is wrong with the layout of the case page's course chart: texts that stick out of the drawing (and are
     * clipped) or that overlap another text. Empty when every label is readable.
     */
    @SuppressWarnings("unchecked")
    List<String> courseChartLayoutProblems() {
        return (List<String>) script("""
                const chart = document.querySelector('#course-chart svg.chart-course');
                if (!chart) return ['no course chart on the page'];
                const view = chart.viewBox.baseVal;
                const texts = [...chart.querySelectorAll(':scope > text')]
                  .map((node) => ({ text: node.textContent, box: node.getBBox() }));
                const problems = [];
                for (const { text, box } of texts) {
                  if (box.x < view.x - 0.5 || box.x + box.width > view.x + view.width + 0.5) {
                    problems.push(`clipped: "${text}" spans ${box.x.toFixed(1)}..${(box.x + box.width).toFixed(1)}`
                      + ` of 0..${view.width}`);
                  }
                }
                for (let i = 0; i < texts.length; i++) {
                  for (let j = i + 1; j < texts.length; j++) {
                    const a = texts[i].box;
                    const b = texts[j].box;
                    const apart = a.x + a.width <= b.x || b.x + b.width <= a.x
                      || a.y + a.height <= b.y || b.y + b.height <= a.y;
                    if (!apart) problems.push(`overlap: "${texts[i].text}" and "${texts[j].text}"`);
                  }
                }
                return problems;
                """);
    }

    @Override
    public void close() {
        driver.quit();
    }
}
