package nl.burnoutprofiler.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import nl.burnoutprofiler.server.TestServer.Caller;
import nl.burnoutprofiler.store.Role;
import nl.burnoutprofiler.store.User;

/**
 * An administrator at work in a real browser: sees the running rule set, adds a coach with a case manager, creates
 * an integration token that is shown once, revokes it, reloads an edited rule folder, erases a case on a client's
 * request and finds all of it in the audit log. Screenshots go beside those of {@link BrowserJourneyTest}.
 */
class AdminBrowserTest {

    private static final String TOKEN_NAME = "e2e-integration";

    @TempDir
    static Path data;
    @TempDir
    static Path rules;
    @TempDir
    static Path profile;

    private static TestServer server;
    private static Browser chromium;
    private static WebDriver browser;
    private static WebDriverWait wait;

    @BeforeAll
    static void start() throws IOException {
        Browser.requireInstalled();
        TestServer.copyRules(rules);
        server = TestServer.start(TestServer.settings(data).withRules(rules, false));
        server.createUser("root", Role.ADMIN, null, TestServer.PASSWORD);
        server.createUser("beatrix", Role.CASE_MANAGER, null, TestServer.PASSWORD);
        chromium = Browser.start("http://127.0.0.1:" + server.server().port(), profile);
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
    void anAdminManagesUsersTokensAndRules() throws IOException {
        String firstVersion = server.engine().ruleSetVersion();

        // Signed in, the admin lands on the admin page (not on the case list, which is not theirs).
        chromium.signIn("root", TestServer.PASSWORD);
        wait.until(ExpectedConditions.urlContains("admin.html"));
        WebElement version = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("rule-set-version")));
        wait.until(ExpectedConditions.textToBePresentInElement(version, firstVersion));
        assertThat(browser.findElement(By.id("nav-admin")).getAttribute("aria-current")).isEqualTo("page");
        assertThat(browser.findElements(By.id("nav-cases"))).isEmpty();
        assertThat(text("rule-set-count")).isEqualTo(server.engine().rules().size() + ", en "
                + server.engine().organisationRules().size() + " organisatieregels voor de teams");
        assertThat(text("rule-set-active")).as("the server activated its set at start")
                .contains(firstVersion, "bij het starten");
        chromium.screenshot("admin-01-rules-users");

        // A new coach: a user name with capitals and a space is refused beside the field, before anything is sent.
        type("user-username", "Carla Coach");
        type("user-displayName", "Carla de Coach");
        type("user-password", TestServer.PASSWORD);
        new Select(browser.findElement(By.id("user-role"))).selectByValue("coach");
        click("create-user");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("user-username-error")));
        assertThat(browser.findElement(By.id("user-username")).getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.findElement(By.id("user-username")).getAttribute("aria-describedby"))
                .contains("user-username-error");
        assertThat(text("user-form-errors")).contains("Gebruikersnaam");
        chromium.script("document.getElementById('user-form-heading').scrollIntoView()");
        chromium.screenshot("admin-02-user-error");

        type("user-username", "carla");
        WebElement manager = browser.findElement(By.id("user-manager"));
        assertThat(manager.isDisplayed()).as("a coach is asked for a case manager").isTrue();
        new Select(manager).selectByValue("beatrix");
        click("create-user");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#users-table tr[data-username='carla']")));
        assertThat(text("user-status")).contains("carla");
        assertThat(browser.findElement(By.id("user-username")).getAttribute("aria-invalid")).isNull();
        assertThat(server.database().users().find("carla")).map(User::manager).contains("beatrix");
        assertThat(browser.findElement(By.cssSelector("#users-table tr[data-username='carla']")).getText())
                .contains("Carla de Coach", "beatrix");

        // Carla leaves: deactivated, she can no longer sign in; back again, a new password is made and shown once.
        By carlaRow = By.cssSelector("#users-table tr[data-username='carla']");
        clickInRow(carlaRow, "deactivate-user");
        browser.switchTo().alert().accept();
        wait.until(ExpectedConditions.attributeToBe(carlaRow, "data-state", "inactive"));
        assertThat(server.database().users().passwordHash("carla")).isEmpty();
        clickInRow(carlaRow, "reset-password");
        browser.switchTo().alert().accept();
        wait.until(ExpectedConditions.attributeToBe(carlaRow, "data-state", "active"));
        String shownOnce = text("user-status");
        assertThat(shownOnce).contains("Nieuw wachtwoord voor carla");
        String newPassword = shownOnce.replaceAll("(?s).*carla: (\\S+) .*", "$1");
        assertThat(server.signIn("carla", newPassword)).isNotNull();
        chromium.screenshot("admin-02b-user-reactivated");

        // An integration token: shown once, in a read-only field, with the warning that it will not come back.
        new Select(browser.findElement(By.id("token-role"))).selectByValue("integrator");
        assertThat(browser.findElement(By.id("token-user")).isDisplayed()).as("integrators act for themselves")
                .isFalse();
        type("token-name", TOKEN_NAME);
        click("create-token");
        WebElement value = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("new-token-value")));
        String token = value.getAttribute("value");
        assertThat(token).startsWith("bp_");
        assertThat(value.getAttribute("readonly")).isNotNull();
        assertThat(text("new-token")).contains("niet nog eens getoond");
        wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#tokens-table tr[data-token='" + TOKEN_NAME + "'][data-state='active']")));
        Caller integration = server.anonymous().with("Authorization", "Bearer " + token);
        assertThat(integration.get("/api/v1/catalogue").status()).isEqualTo(200);
        chromium.script("document.getElementById('tokens-section').scrollIntoView()");
        chromium.screenshot("admin-03-token-once");

        // Once: after a reload of the page the value is nowhere.
        browser.navigate().refresh();
        wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#tokens-table tr[data-token='" + TOKEN_NAME + "']")));
        assertThat(browser.findElement(By.id("new-token")).isDisplayed()).isFalse();
        assertThat(browser.getPageSource()).doesNotContain(token);

        // Revoking asks first, then the token is refused.
        WebElement revoke = browser.findElement(
                By.cssSelector("#tokens-table tr[data-token='" + TOKEN_NAME + "'] button.revoke-token"));
        assertThat(revoke.getAttribute("textContent")).contains(TOKEN_NAME); // its name is in the accessible name
        revoke.click();
        wait.until(ExpectedConditions.alertIsPresent()).accept();
        wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#tokens-table tr[data-token='" + TOKEN_NAME + "'][data-state='revoked']")));
        assertThat(text("tokens-status")).contains(TOKEN_NAME);
        assertThat(integration.get("/api/v1/catalogue").status()).isEqualTo(401);

        // The knowledge engineer has edited the rule folder: the reload swaps the new version in.
        TestServer.setRuleSetVersion(rules, "0.9.0");
        click("reload-rules");
        WebElement status = browser.findElement(By.id("reload-status"));
        wait.until(driver -> status.getText().contains("0.9.0+"));
        String newVersion = server.engine().ruleSetVersion();
        assertThat(newVersion).startsWith("0.9.0+").isNotEqualTo(firstVersion);
        assertThat(text("rule-set-version")).isEqualTo(newVersion);
        assertThat(text("rule-set-active")).as("active for every server on the database")
                .contains(newVersion, "root@", "opnieuw geladen");
        assertThat(browser.findElements(By.id("rule-set-behind"))).isEmpty();
        assertThat(status.getText()).contains(firstVersion);
        assertThat(text("reload-problems")).isEmpty();

        // Everything above is in the audit log, newest first.
        wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#audit-table tr[data-action='reload-rules']")));
        assertThat(browser.findElements(By.cssSelector("#audit-table tbody tr")).stream()
                .map(row -> row.getAttribute("data-action")).toList())
                .containsSubsequence("reload-rules", "revoke-token", "create-token", "create-user", "sign-in");
        assertThat(browser.findElement(By.cssSelector("#audit-table tr[data-action='create-user']")).getText())
                .contains("root", "gebruiker toegevoegd", "carla als coach");
        assertThat(browser.findElement(By.cssSelector("#audit-table tr[data-action='reload-rules'] .audit-detail"))
                .getText()).as("the details read in Dutch too").isEqualTo("regelset " + newVersion);
        chromium.script("document.getElementById('rules-section').scrollIntoView()");
        chromium.screenshot("admin-04-reloaded");
        chromium.script("document.getElementById('audit-section').scrollIntoView()");
        chromium.screenshot("admin-05-audit");

        // A client asks for their data to be erased: the case id typed twice, and the request's number as reason.
        Caller dirk = server.coach("dirk");
        assertThat(dirk.post("/api/v1/cases/c-wis-1/intakes", TestIntake.withoutCaseId().on("2026-11-06")
                .observed("SLEEP_PROBLEMS", 2).json()).status()).isEqualTo(201);
        type("erase-caseId", "c-wis-1");
        type("erase-confirm", "c-wis-2");
        type("erase-reason", "verzoek AVG-2026-020");
        click("erase-case");
        wait.until(ExpectedConditions.attributeToBe(By.id("erase-confirm"), "aria-invalid", "true"));
        assertThat(text("erase-form-errors")).isNotBlank();
        assertThat(server.database().cases().history("c-wis-1")).as("a mistyped confirmation erases nothing")
                .hasSize(1);
        type("erase-confirm", "c-wis-1");
        click("erase-case");
        wait.until(driver -> text("erase-status").contains("c-wis-1"));
        assertThat(server.database().cases().history("c-wis-1")).isEmpty();
        assertThat(browser.findElement(By.id("erase-confirm")).getAttribute("aria-invalid")).isNull();
        WebElement erased = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#audit-table tr[data-action='erase-case']")));
        assertThat(erased.getText()).contains("root", "c-wis-1",
                "reden: verzoek AVG-2026-020; verwijderd: intakes 1, CDS-kaarten 0");
        chromium.script("document.getElementById('erase-section').scrollIntoView()");
        chromium.screenshot("admin-06-erased");

        click("lang-switch");
        wait.until(driver -> "en".equals(driver.findElement(By.tagName("html")).getAttribute("lang")));
        assertThat(text("reload-rules")).isEqualTo("Reload rules");
        assertThat(text("rule-set-active")).contains(newVersion, "reloaded");
        assertThat(browser.findElement(By.cssSelector("#audit-table tr[data-action='erase-case']")).getText())
                .contains("case erased", "reason: verzoek AVG-2026-020; removed: intakes 1, CDS cards 0");
        chromium.script("window.scrollTo(0, 0)");
        chromium.screenshot("admin-07-english");
    }

    private static String text(String id) {
        return browser.findElement(By.id(id)).getText();
    }

    /** Clicks a row's button; the table may be drawn anew meanwhile (the list reloads), so it finds it again. */
    private static void clickInRow(By row, String buttonClass) {
        wait.ignoring(StaleElementReferenceException.class).until(driver -> {
            driver.findElement(row).findElement(By.className(buttonClass)).click();
            return true;
        });
    }

    private static void type(String id, String text) {
        WebElement input = browser.findElement(By.id(id));
        input.clear();
        input.sendKeys(text);
    }

    private static void click(String id) {
        WebElement button = browser.findElement(By.id(id));
        chromium.script("arguments[0].scrollIntoView({block: 'center'})", button);
        button.click();
    }
}
