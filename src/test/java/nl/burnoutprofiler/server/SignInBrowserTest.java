package nl.burnoutprofiler.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;

import nl.burnoutprofiler.store.Role;

/** A coach whose account is locked after wrong passwords is told so in Dutch, and is not signed in. */
class SignInBrowserTest {

    private static TestServer server;
    private static Browser chromium;

    @BeforeAll
    static void start(@TempDir Path data, @TempDir Path profile) throws IOException {
        Browser.requireInstalled();
        server = TestServer.start(data);
        server.createUser("anna", Role.COACH, null, TestServer.PASSWORD);
        chromium = Browser.start("http://127.0.0.1:" + server.server().port(), profile);
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
    void aLockedAccountIsToldWhenItCanSignInAgain() {
        for (int i = 0; i < SignInThrottle.ACCOUNT_FROM_ADDRESS.attempts(); i++) {
            server.anonymous().post("/api/v1/session", "{\"username\":\"anna\",\"password\":\"guess " + i + "\"}");
        }

        chromium.signIn("anna", TestServer.PASSWORD);

        String message = chromium.await().until(driver -> {
            String text = driver.findElement(By.id("login-error")).getText();
            return text.isBlank() ? null : text;
        });
        assertThat(message).contains("Te vaak een verkeerd wachtwoord");
        assertThat(chromium.driver().getCurrentUrl()).contains("login.html");
    }
}
