package nl.burnoutprofiler.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import nl.burnoutprofiler.store.Role;

/**
 * A coach and a case manager at work, in a real browser (Debian's Chromium, driven by Selenium): sign in, fill the
 * intake form, get the outcome, come back for a second meeting, and follow the case. Screenshots of each step go to
 * {@code target/e2e-screenshots/} for a person to look at (see {@link Browser}).
 */
class BrowserJourneyTest {

    private static final String CASE_ID = "e2e-0001";

    private static TestServer server;
    private static Browser chromium;
    private static WebDriver browser;
    private static WebDriverWait wait;
    private static String base;

    @BeforeAll
    static void start(@TempDir Path data, @TempDir Path profile) throws IOException {
        Browser.requireInstalled();
        server = TestServer.start(data);
        server.createUser("beatrix", Role.CASE_MANAGER, null, TestServer.PASSWORD);
        server.createUser("anna", Role.COACH, "beatrix", TestServer.PASSWORD);
        base = "http://127.0.0.1:" + server.server().port();
        chromium = Browser.start(base, profile);
        browser = chromium.driver();
        wait = chromium.await();
    }

    @AfterAll
    static void stop() {
        if (chromium != null) {
            chromium.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aCoachRecordsTwoMeetingsAndTheCaseManagerFollowsTheCase() throws IOException {
        signIn("anna");
        wait.until(ExpectedConditions.urlContains("intake.html"));
        awaitForm();
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("nl");

        // A name instead of a pseudonym is refused beside the field, and nothing typed is lost, not even on reload.
        type("caseId", "Jan Jansen");
        choose("SLEEP_PROBLEMS", "3");
        browser.findElement(By.id("submit-store")).click();
        WebElement caseIdError = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("caseId-error")));
        assertThat(caseIdError.getText()).isNotBlank();
        assertThat(browser.findElement(By.id("caseId")).getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.findElement(By.id("form-errors")).getText()).isNotBlank();
        screenshot("01-intake-error");
        browser.navigate().refresh();
        awaitForm();
        assertThat(browser.findElement(By.id("caseId")).getAttribute("value")).isEqualTo("Jan Jansen");
        assertThat(radio("SLEEP_PROBLEMS", "3").isSelected()).as("draft kept over a reload").isTrue();
        // "Nieuwe intake" starts empty: the unsaved input of the intake before does not come back.
        browser.findElement(By.id("nav-intake")).click();
        awaitForm();
        assertThat(browser.findElement(By.id("caseId")).getAttribute("value")).isEmpty();
        assertThat(radio("SLEEP_PROBLEMS", "none").isSelected()).as("no earlier draft").isTrue();
        assertThat(((JavascriptExecutor) browser).executeScript("return Object.keys(sessionStorage)"
                + ".filter(k => k.startsWith('bp-draft:intake:')).length")).isEqualTo(0L);

        // The short form: the safety screen first, under 40 observations; the whole catalogue one click away.
        assertThat(browser.findElement(By.cssSelector("#observation-groups details.group")).getAttribute("data-group"))
                .isEqualTo("SAFETY");
        assertThat(visibleObservations()).isBetween(20L, 39L);
        screenshot("01b-intake-short-form");
        assertNoInternalReferences("the intake form");
        browser.findElement(By.id("form-length")).click();
        assertThat(visibleObservations()).as("the full catalogue").isGreaterThan(100L);

        type("caseId", CASE_ID);
        setDate("2026-11-06");
        fillFirstMeeting();
        screenshot("02-intake-filled");
        browser.findElement(By.id("submit-store")).click();

        WebElement primary = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("primary-type")));
        assertThat(browser.getCurrentUrl()).contains("outcome.html");
        assertThat(primary.getAttribute("data-type")).isEqualTo("PHYSIOLOGICAL");
        assertThat(browser.findElement(By.id("safety-banner")).getAttribute("data-status")).isEqualTo("CLEAR");
        assertThat(browser.findElement(By.id("stage")).getAttribute("data-stage")).isEqualTo("CONTEMPLATION");
        List<WebElement> recommendations = browser.findElements(By.cssSelector("#recommendations > li"));
        assertThat(recommendations).isNotEmpty();
        assertThat(recommendations.get(0).getAttribute("data-id")).isEqualTo("REGULATION_BEFORE_INSIGHT");
        // The plan on top: the same first step with why it comes first, two things to avoid, three questions.
        WebElement plan = browser.findElement(By.id("plan"));
        assertThat(browser.findElement(By.id("plan-first-step")).getAttribute("data-id"))
                .isEqualTo("REGULATION_BEFORE_INSIGHT");
        assertThat(browser.findElement(By.id("plan-reason")).getText()).isNotBlank();
        assertThat(browser.findElements(By.cssSelector("#plan-avoid li"))).hasSizeBetween(1, 2);
        List<String> asked = browser.findElements(By.cssSelector("#next-questions > li")).stream()
                .map(item -> item.getAttribute("data-id")).toList();
        assertThat(browser.findElements(By.cssSelector("#plan-ask li"))).extracting(item -> item.getAttribute("data-id"))
                .containsExactlyElementsOf(asked.subList(0, Math.min(3, asked.size())));
        assertThat(plan.getLocation().getY()).as("the plan comes before the picture")
                .isLessThan(browser.findElement(By.id("type-evidence")).getLocation().getY());
        assertThat(browser.findElements(By.cssSelector("#type-chart svg"))).hasSize(1);
        assertThat(browser.findElements(By.cssSelector("#avoid > li"))).isNotEmpty();
        assertThat(browser.findElement(By.id("why")).getAttribute("textContent")).contains("PHY-");
        // Checked and absent counts as evidence by its absence, and the outcome says so in words.
        WebElement absent = browser.findElement(By.cssSelector(
                "#type-evidence [data-type='PHYSIOLOGICAL'] li[data-code='HISTORY_OF_BULLYING']"));
        assertThat(absent.getAttribute("data-present")).isEqualTo("false");
        assertThat(absent.getText()).contains("niet aanwezig");
        screenshot("03-outcome");
        assertNoInternalReferences("the outcome page");

        // The print for the case file fits on two A4 pages; "Alles afdrukken" prints everything.
        int shortPages = chromium.printedPages("03-outcome-print");
        assertThat(shortPages).as("the short print").isBetween(1, 2);
        ((JavascriptExecutor) browser).executeScript("document.body.classList.add('print-full')");
        assertThat(chromium.printedPages("03-outcome-print-full")).as("the full print").isGreaterThan(shortPages);
        ((JavascriptExecutor) browser).executeScript("document.body.classList.remove('print-full')");

        // The second meeting, two weeks later: sleep has improved, and she wants to change.
        browser.get(base + "/intake.html?case=" + CASE_ID);
        awaitForm();
        assertThat(browser.findElement(By.id("caseId")).getAttribute("value")).isEqualTo(CASE_ID);
        // A follow-up meeting starts from the first: what is not changed stays, marked as such.
        assertThat(radio("SLEEP_PROBLEMS", "3").isSelected()).as("carried over from the first meeting").isTrue();
        WebElement sleepRow = browser.findElement(By.id("row-SLEEP_PROBLEMS"));
        assertThat(sleepRow.getAttribute("class")).contains("carried");
        assertThat(sleepRow.findElement(By.className("carried-tag")).getText()).isEqualTo("zelfde als vorige keer");
        assertThat(browser.findElement(By.id("case-notice")).getText()).contains("vorige gesprek");
        screenshot("03c-follow-up-intake-carried-over");
        setDate("2026-11-20");
        choose("SLEEP_PROBLEMS", "1");
        assertThat(sleepRow.getAttribute("class")).as("changed: no longer the same as last time")
                .doesNotContain("carried");
        choose("PROLONGED_RESERVE_RUNNING", "3");
        choose("CONCENTRATION_PROBLEMS", "2");
        choose("SUICIDAL_IDEATION", "absent");
        choose("FATIGUE_WITHOUT_MEDICAL_CHECK", "absent");
        type("ruler-importance", "9");
        type("ruler-confidence", "6");
        type("ruler-readiness", "8");
        // Her manager reported that she works late every day: a signal to explore, tagged as the manager's.
        choose("OVERWORK", "3");
        seenBy("OVERWORK", "MANAGER");
        // As the form is filled, the questions that would help most now show beside the save button, live.
        wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#live-questions:not(.is-empty) li[data-id='ASK_CLIENT_VIEW_OF_REPORTED_SIGNALS']")));
        assertThat(browser.findElements(By.cssSelector("#live-questions-list li"))).hasSizeBetween(1, 3);
        // The rows where that question's answer goes are marked in the form, and the question leads to them.
        WebElement awarenessRow = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#row-PROBLEM_AWARENESS.is-asked")));
        assertThat(awarenessRow.findElement(By.className("asked-tag")).getText()).isEqualTo("nu vragen");
        assertThat(browser.findElement(By.id("row-NO_PROBLEM_AWARENESS")).getAttribute("class")).contains("is-asked");
        assertThat(browser.findElement(By.id("row-EXHAUSTION")).getAttribute("class")).doesNotContain("is-asked");
        browser.findElement(By.cssSelector("#live-questions li[data-id='ASK_CLIENT_VIEW_OF_REPORTED_SIGNALS'] a")).click();
        wait.until(driver -> "obs-PROBLEM_AWARENESS-none".equals(driver.switchTo().activeElement().getAttribute("id")));
        assertThat(awarenessRow.isDisplayed()).isTrue();
        screenshot("03d-follow-up-live-questions");
        browser.findElement(By.id("submit-store")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("primary-type")));
        WebElement reported = browser.findElement(By.cssSelector("#type-evidence li[data-code='OVERWORK']"));
        assertThat(reported.getAttribute("data-reported-by")).isEqualTo("MANAGER");
        assertThat(reported.getText()).contains("gemeld door de leidinggevende");
        assertThat(browser.findElement(By.id("reported-hint")).getText()).isNotBlank();
        // What moved since the first meeting, on the outcome itself: sleep improved, nothing falsely removed.
        WebElement sinceLast = browser.findElement(By.id("since-last"));
        assertThat(sinceLast.findElement(By.cssSelector("[data-change='intensity'] [data-code='SLEEP_PROBLEMS']"))
                .getText()).contains("3 → 1");
        assertThat(sinceLast.findElements(By.cssSelector("[data-change='removed']"))).isEmpty();
        assertThat(browser.findElements(By.cssSelector("#recommendations > li")))
                .extracting(item -> item.getAttribute("data-id")).contains("EXPLORE_REPORTED_SIGNALS");
        screenshot("03b-outcome-reported-by-manager");

        browser.get(base + "/case.html?id=" + CASE_ID);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#meetings > li")));
        assertThat(browser.findElements(By.cssSelector("#meetings > li"))).hasSize(2);
        assertThat(browser.findElements(By.cssSelector("#course-chart svg"))).isNotEmpty();
        assertThat(browser.findElement(By.id("changes")).getText()).isNotBlank();
        assertThat(browser.findElements(By.cssSelector("#changes [data-change='removed']")))
                .as("nothing the coach carried over shows as no longer observed").isEmpty();
        assertThat(browser.findElements(By.cssSelector("#next-steps li"))).isNotEmpty();
        assertThat(chromium.courseChartLayoutProblems()).as("course chart labels, Dutch").isEmpty();
        screenshot("04-case-coach");

        browser.findElement(By.id("sign-out")).click();
        wait.until(ExpectedConditions.urlContains("login.html"));

        signIn("beatrix");
        wait.until(ExpectedConditions.urlContains("cases.html"));
        WebElement row = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#cases-table tr[data-case='" + CASE_ID + "']")));
        assertThat(row.getText()).contains(CASE_ID);
        screenshot("05-cases-case-manager");
        row.findElement(By.tagName("a")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#meetings > li")));
        browser.findElement(By.id("lang-switch")).click();
        wait.until(driver -> "en".equals(driver.findElement(By.tagName("html")).getAttribute("lang")));
        assertThat(chromium.courseChartLayoutProblems()).as("course chart labels, English").isEmpty();
        screenshot("06-case-case-manager-english");

        assertThat(server.database().audit().forCase(CASE_ID))
                .extracting(entry -> entry.actor() + " " + entry.action())
                .contains("anna " + Audit.STORE_INTAKE, "beatrix " + Audit.READ_CASE);
    }

    private static void fillFirstMeeting() {
        Map<String, String> observed = Map.ofEntries(
                Map.entry("SLEEP_PROBLEMS", "3"), Map.entry("CONCENTRATION_PROBLEMS", "2"),
                Map.entry("INSIGHTS_DO_NOT_STICK", "2"), Map.entry("PROLONGED_RESERVE_RUNNING", "3"),
                Map.entry("IMPROVES_WITH_REST_AND_DISTANCE", "2"), Map.entry("HISTORY_OF_BULLYING", "absent"),
                Map.entry("SOCIAL_UNSAFETY", "absent"), Map.entry("WORTH_TIED_TO_PERFORMANCE", "2"),
                Map.entry("SUICIDAL_IDEATION", "absent"), Map.entry("FATIGUE_WITHOUT_MEDICAL_CHECK", "absent"),
                Map.entry("AMBIVALENCE", "2"));
        observed.forEach(BrowserJourneyTest::choose);
        type("ruler-importance", "7");
        type("ruler-confidence", "3");
        type("ruler-readiness", "5");
        type("notes", "Wil minder werken, maar laat het team niet vallen.");
    }


    /** A coach never sees a seed file, a line range or a research-note section: sources are works. */
    private static void assertNoInternalReferences(String page) {
        String text = (String) ((JavascriptExecutor) browser).executeScript("return document.body.textContent");
        assertThat(Pattern.compile("seed \\d{3}|\\bL\\d+[–-]\\d+|anchors-mission").matcher(text).results()
                .map(MatchResult::group).toList()).as(page).isEmpty();
    }

    private static long visibleObservations() {
        return (Long) ((JavascriptExecutor) browser).executeScript(
                "return [...document.querySelectorAll('fieldset.obs')].filter(r => r.offsetParent !== null).length");
    }

    private static void signIn(String username) {
        chromium.signIn(username, TestServer.PASSWORD);
    }

    private static void awaitForm() {
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("obs-SLEEP_PROBLEMS-none")));
    }

    private static void type(String id, String text) {
        WebElement input = browser.findElement(By.id(id));
        input.clear();
        input.sendKeys(text);
    }

    private static WebElement radio(String code, String value) {
        return browser.findElement(By.id("obs-" + code + "-" + value));
    }

    /** Chooses as a person does: a click on the option's label, after scrolling it into view. */
    private static void choose(String code, String value) {
        WebElement label = browser.findElement(By.cssSelector("label[for='obs-" + code + "-" + value + "']"));
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", label);
        label.click();
        assertThat(radio(code, value).isSelected()).as(code + " = " + value).isTrue();
    }

    /** Records that someone other than the intake's observer saw this observation. */
    private static void seenBy(String code, String observer) {
        WebElement select = browser.findElement(By.id("seen-by-" + code));
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", select);
        new Select(select).selectByValue(observer);
    }

    /** A date field's typed format follows the browser's locale; the ISO value is what the form reads. */
    private static void setDate(String isoDate) {
        ((JavascriptExecutor) browser).executeScript(
                "const field = document.getElementById('date'); field.value = arguments[0];"
                        + "field.dispatchEvent(new Event('input', {bubbles: true}));"
                        + "field.dispatchEvent(new Event('change', {bubbles: true}));", isoDate);
    }

    private static void screenshot(String name) throws IOException {
        chromium.screenshot(name);
    }
}
