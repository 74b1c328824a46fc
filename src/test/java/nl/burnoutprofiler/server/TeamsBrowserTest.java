package nl.burnoutprofiler.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import nl.burnoutprofiler.server.TestServer.Caller;
import nl.burnoutprofiler.store.Role;

/**
 * The organisation's view in a real browser: a case manager puts a case in a team from the case page, and the
 * organisation lead of that team reads what recurs there, in Dutch and in English, without any case in sight.
 */
class TeamsBrowserTest {

    @TempDir
    static Path data;
    @TempDir
    static Path profile;

    private static TestServer server;
    private static Browser chromium;
    private static WebDriver browser;
    private static WebDriverWait wait;

    @BeforeAll
    static void start() throws IOException {
        Browser.requireInstalled();
        server = TestServer.start(data);
        server.createUser("maria", Role.CASE_MANAGER, null, TestServer.PASSWORD);
        Caller anna = server.coach("anna", "maria");
        server.createUser("root", Role.ADMIN, null, TestServer.PASSWORD);
        for (int i = 1; i <= 7; i++) {
            String caseId = "zt3-" + i;
            assertThat(anna.post("/api/v1/cases/" + caseId + "/intakes", TestIntake.withoutCaseId().on("2026-10-06")
                    .observed("HIGH_WORKLOAD", 3).observed("AUTONOMY_FRUSTRATED", 2)
                    .observed(i <= 5 ? "LOW_ENERGY_AFTER_WORK" : "SLEEP_PROBLEMS", 2).json()).status()).isEqualTo(201);
            if (i > 1) {
                assertThat(anna.call("PUT", "/api/v1/cases/" + caseId + "/unit", "{\"unit\":\"zorg-team-3\"}").status())
                        .isEqualTo(200);
            }
        }
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
    void anAdminGivesTheLeadATeamACaseManagerPutsACaseInItAndTheLeadReadsTheTeam() throws IOException {
        chromium.signIn("root", TestServer.PASSWORD);
        wait.until(ExpectedConditions.urlContains("admin.html"));
        wait.until(ExpectedConditions.elementToBeClickable(By.id("user-username"))).sendKeys("hanna");
        browser.findElement(By.id("user-displayName")).sendKeys("Hanna (HR)");
        browser.findElement(By.id("user-password")).sendKeys(TestServer.PASSWORD);
        new Select(browser.findElement(By.id("user-role"))).selectByValue("organisation");
        assertThat(browser.findElement(By.id("user-manager-field")).isDisplayed()).isFalse();
        browser.findElement(By.id("create-user")).click();
        By hannaRow = By.cssSelector("#users-table tr[data-username='hanna']");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("unit-input-hanna"))).sendKeys("zorg-team-3");
        browser.findElement(hannaRow).findElement(By.cssSelector("button.add-unit")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#users-table tr[data-username='hanna'] li[data-unit='zorg-team-3']")));
        assertThat(server.database().units().assignedTo("hanna")).containsExactly("zorg-team-3");
        assertThat(browser.findElement(By.id("user-status")).getText()).contains("hanna", "zorg-team-3");
        chromium.script("document.getElementById('users-section').scrollIntoView()");
        chromium.screenshot("teams-00-admin-assigns");
        browser.findElement(By.id("sign-out")).click();
        wait.until(ExpectedConditions.urlContains("login.html"));

        chromium.signIn("maria", TestServer.PASSWORD);
        wait.until(ExpectedConditions.urlContains("cases.html"));
        chromium.open("case.html?id=zt3-1");
        WebElement unit = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("case-unit")));
        unit.sendKeys("Team Jansen");
        browser.findElement(By.id("save-unit")).click();
        wait.until(ExpectedConditions.attributeToBe(unit, "aria-invalid", "true"));
        assertThat(browser.findElement(By.id("case-unit-status")).getText()).contains("zorg-team-3");
        unit.clear();
        unit.sendKeys("zorg-team-3");
        browser.findElement(By.id("save-unit")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("case-unit-status"), "zorg-team-3"));
        assertThat(server.database().units().unitOf("zt3-1")).contains("zorg-team-3");
        chromium.script("document.getElementById('unit-section').scrollIntoView()");
        chromium.screenshot("teams-01-case-unit");
        browser.findElement(By.id("sign-out")).click();
        wait.until(ExpectedConditions.urlContains("login.html"));

        chromium.signIn("hanna", TestServer.PASSWORD);
        wait.until(ExpectedConditions.urlContains("teams.html"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("unit-heading")));
        assertThat(browser.findElement(By.id("nav-teams")).getAttribute("aria-current")).isEqualTo("page");
        assertThat(browser.findElements(By.id("nav-cases"))).isEmpty();
        assertThat(text("unit-heading")).isEqualTo("zorg-team-3");
        String workload = rowText("kind-CONTEXT", "HIGH_WORKLOAD");
        assertThat(workload).contains("Hoge werkdruk").containsAnyOf("5 (", "10 (");
        assertThat(rowText("kind-CONTEXT", "UNPREDICTABLE_DECISIONS")).contains("< 5");
        assertThat(rowText("kind-EARLY_SIGNAL", "LOW_ENERGY_AFTER_WORK")).as("5 of 7").containsAnyOf("5 (", "10 (");
        assertThat(text("protection")).contains("nooit een casus");
        WebElement workloadAction = browser.findElement(By.cssSelector("#advice li[data-action='ORG_WORKLOAD']"));
        assertThat(workloadAction.getText()).contains("Hoge werkdruk").doesNotContain("ORG-0");
        assertThat(browser.findElement(By.id("advice")).getText()).doesNotContain("seed", "L7");
        String page = browser.findElement(By.id("main")).getText();
        assertThat(page).doesNotContain("zt3-", "anna", "maria");
        chromium.screenshot("teams-02-lead-nl");
        assertThat(chromium.printedPages("teams-print-nl")).as("the one-page print for a management meeting").isEqualTo(1);
        chromium.script("document.getElementById('course').scrollIntoView()");
        chromium.screenshot("teams-03-course-nl");

        browser.findElement(By.id("lang-switch")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#kind-BASIC_NEED h3"),
                "Basic needs under pressure"));
        assertThat(rowText("kind-CONTEXT", "HIGH_WORKLOAD")).contains("High workload");
        assertThat(text("protection")).contains("never see a case");
        assertThat(text("advice")).contains("What the organisation can do");
        chromium.script("window.scrollTo(0, 0)");
        chromium.screenshot("teams-04-lead-en");
        browser.findElement(By.id("lang-switch")).click();
    }

    private static String text(String id) {
        return browser.findElement(By.id(id)).getText();
    }

    private static String rowText(String section, String code) {
        return browser.findElement(By.cssSelector("#" + section + " tr[data-code='" + code + "']")).getText();
    }

}
