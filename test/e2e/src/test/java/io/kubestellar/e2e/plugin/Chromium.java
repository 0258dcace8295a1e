/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.e2e.plugin;

import io.kubestellar.e2e.chart.ExternalCommand;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Headless Chromium and chromium-driver from Debian's packages, installed by {@code
 * hack/install-browser.sh} when missing, driven through Selenium WebDriver.
 */
final class Chromium implements AutoCloseable {

  static final Path SCREENSHOTS = Path.of("target", "console-screenshots").toAbsolutePath();

  final ChromeDriver driver;

  private Chromium(ChromeDriver driver) {
    this.driver = driver;
  }

  static Chromium start() {
    ExternalCommand.run(
            Duration.ofMinutes(10),
            List.of(PluginEnvironment.REPO.resolve("hack/install-browser.sh").toString()))
        .requireSuccess();
    var service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(onPath("chromedriver").toFile())
            .build();
    var options = new ChromeOptions();
    options.setBinary(onPath("chromium").toFile());
    // Root in a container has no user namespace for Chromium's sandbox.
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-dev-shm-usage",
        "--disable-gpu",
        "--window-size=1400,1100");
    return new Chromium(new ChromeDriver(service, options));
  }

  private static Path onPath(String name) {
    for (var dir : System.getenv("PATH").split(":")) {
      var candidate = Path.of(dir, name);
      if (Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException(name + " is not on PATH after hack/install-browser.sh");
  }

  /** Saves the page as {@code target/console-screenshots/<name>.png}. */
  Path screenshot(String name) {
    try {
      Files.createDirectories(SCREENSHOTS);
      var file = SCREENSHOTS.resolve(name + ".png");
      Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    driver.quit();
  }
}
