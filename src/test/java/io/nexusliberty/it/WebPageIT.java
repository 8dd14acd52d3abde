package io.nexusliberty.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.ElementNotInteractableException;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The web page in a real headless Chromium (Debian's, driven by its chromedriver): each form gives
 * its real answer, a blank name shows the API's 400 detail, a slow call is cancelled from the table
 * of recent calls, and the page reads at phone width. Screenshots go to target/.
 */
@ExtendWith({RequiresChromium.class, ArquillianExtension.class})
class WebPageIT {

  @Deployment(name = "web", testable = false)
  static WebArchive full() {
    return TestWar.named("web").build();
  }

  @Deployment(name = "web-slow", testable = false)
  static WebArchive withoutHandler() {
    // No handler anywhere: calls stay running until cancelled.
    return TestWar.named("web-slow")
        .with("temporal.workers", "caller")
        .with("temporal.nexus.operation-timeout", "5m")
        .build();
  }

  private Path profile;
  private ChromeDriver browser;
  private WebDriverWait wait;

  @BeforeEach
  void openBrowser() throws IOException {
    profile = Files.createTempDirectory("chromium-profile");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(RequiresChromium.CHROMIUM.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--user-data-dir=" + profile,
        "--window-size=1280,900");
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(RequiresChromium.CHROMEDRIVER.toFile())
            .usingAnyFreePort()
            .build();
    browser = new ChromeDriver(service, options);
    wait = new WebDriverWait(browser, Duration.ofSeconds(30));
  }

  @AfterEach
  void closeBrowser() throws IOException {
    if (browser != null) {
      browser.quit();
    }
  }

  @Test
  void theFormsGiveRealAnswersAndErrors(@ArquillianResource @OperateOnDeployment("web") URL base)
      throws IOException {
    browser.get(base.toString());
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("connection"), "embedded"));
    String connection = browser.findElement(By.id("connection")).getText();
    assertTrue(connection.contains("Roles: caller, handler"), "connection line: " + connection);

    WebElement message = browser.findElement(By.id("echo-message"));
    message.clear();
    message.sendKeys("Hello from Chromium", Keys.ENTER);
    awaitText("echo-result", "Hello from Chromium");

    WebElement name = browser.findElement(By.id("hello-name"));
    name.clear();
    name.sendKeys("Nexus");
    new Select(browser.findElement(By.id("hello-language"))).selectByValue("es");
    browser.findElement(By.cssSelector("#hello-form button")).click();
    awaitText("hello-result", "¡Hola! Nexus 👋");

    name.clear();
    name.sendKeys(Keys.ENTER);
    awaitText("hello-result", "must not be blank");
    WebElement error = browser.findElement(By.id("hello-result"));
    assertTrue(error.getAttribute("class").contains("error"), "shown as an error");
    assertTrue(error.getText().contains("\"name\""), "names the field: " + error.getText());

    assertEquals(
        2,
        browser.findElements(By.cssSelector("#calls td.status-completed")).size(),
        "both calls completed in the table of recent calls");
    screenshot("web-page.png");

    browser.manage().window().setSize(new Dimension(390, 844));
    Number overflow =
        (Number)
            browser.executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
    assertEquals(0, overflow.intValue(), "no horizontal scrolling at phone width");
    screenshot("web-page-phone.png");
  }

  @Test
  void aSlowCallCanBeCancelledFromTheTable(
      @ArquillianResource @OperateOnDeployment("web-slow") URL base) throws IOException {
    browser.get(base.toString());
    browser.findElement(By.id("echo-message")).sendKeys(Keys.ENTER);
    wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#calls button.cancel")));
    String workflowId =
        browser.findElement(By.cssSelector("#calls tbody tr")).getAttribute("data-workflow-id");
    assertEquals(
        "running", browser.findElement(By.cssSelector("#calls tbody tr td.status")).getText());

    // The table is drawn again on every poll, so a button found a moment ago may be gone: press
    // the one shown now, as a user would.
    wait.until(
        driver -> {
          try {
            driver.findElement(By.cssSelector("#calls button.cancel")).sendKeys(Keys.ENTER);
            return true;
          } catch (StaleElementReferenceException | ElementNotInteractableException redrawn) {
            return false;
          }
        });

    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.cssSelector("#calls tbody tr[data-workflow-id='" + workflowId + "'] td.status"),
            "cancelled"));
    screenshot("web-page-cancelled.png");
  }

  private void awaitText(String id, String text) {
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id(id), text));
  }

  private void screenshot(String name) throws IOException {
    Path file = Path.of("target", name);
    Files.copy(
        browser.getScreenshotAs(OutputType.FILE).toPath(),
        file,
        StandardCopyOption.REPLACE_EXISTING);
  }
}
