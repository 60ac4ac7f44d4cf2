package com.tierpoint.gateway.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Timestamp;
import com.tierpoint.core.jobs.application.JobScheduler;
import com.tierpoint.gateway.wecom.SandboxGroups;
import com.tierpoint.proto.v1.GetBalanceRequest;
import com.tierpoint.proto.v1.OperatorRole;
import com.tierpoint.proto.v1.OrderStatus;
import com.tierpoint.proto.v1.RecordOrderRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The console in a real headless Chromium (Debian's chromium and chromium-driver): WeCom login
 * through the sandbox's OAuth page, lookup, a double-clicked grant, a cap refusal, a queued
 * broadcast and the dashboard's charts, saved as {@code target/console-dashboard.png}.
 */
class ConsoleBrowserTest extends ConsoleTestBase {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static ChromeDriver browser;

    @BeforeAll
    static void openBrowser() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getProperty("tierpoint.chromium", "/usr/bin/chromium"));
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--window-size=1280,2000",
                "--lang=zh-CN");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(
                        new java.io.File(System.getProperty("tierpoint.chromedriver", "/usr/bin/chromedriver")))
                .build();
        browser = new ChromeDriver(service, options);
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    private static void logInAs(String userId) {
        browser.manage().deleteAllCookies();
        browser.get(gateway.baseUrl() + "/console/login");
        waitFor(By.id("userid")).sendKeys(userId);
        browser.findElement(By.id("authorize")).click();
        new WebDriverWait(browser, WAIT)
                .until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), userId));
    }

    @Test
    void anOperatorLooksAMemberUpAndADoubleClickedGrantGrantsOnce() {
        User member = login();
        String operator = newOperator(OperatorRole.OPERATOR, 1000);
        logInAs(operator);

        browser.get(gateway.baseUrl() + "/console/#/lookup");
        waitFor(By.id("lookup-q")).sendKeys(member.memberId());
        browser.findElement(By.id("lookup-submit")).click();
        waitFor(By.cssSelector("a[href='#/member/" + member.memberId() + "']")).click();
        WebElement amount = waitFor(By.id("adjust-amount"));
        amount.sendKeys("150");
        browser.findElement(By.id("adjust-reason")).sendKeys("群活动奖励");
        WebElement submit = browser.findElement(By.id("adjust-submit"));
        new org.openqa.selenium.interactions.Actions(browser)
                .doubleClick(submit)
                .perform();

        waitFor(By.cssSelector(".notice"));
        assertThat(balance(member)).isEqualTo(150);
        new WebDriverWait(browser, WAIT)
                .until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "群活动奖励"));
    }

    @Test
    void aGrantOverTheOperatorsDailyCapShowsTheRefusal() {
        User member = login();
        logInAs(newOperator(OperatorRole.OPERATOR, 100));

        browser.get(gateway.baseUrl() + "/console/#/member/" + member.memberId());
        waitFor(By.id("adjust-amount")).sendKeys("500");
        browser.findElement(By.id("adjust-reason")).sendKeys("补偿");
        browser.findElement(By.id("adjust-submit")).click();

        WebElement error = waitFor(By.cssSelector(".error[role=alert]"));
        new WebDriverWait(browser, WAIT).until(d -> !error.getText().isBlank());
        assertThat(error.getText()).contains("100");
        assertThat(balance(member)).isZero();
    }

    @Test
    void aBroadcastShowsAsQueuedThenSent() {
        sandbox.addCustomerGroup(CORP_ID, SandboxGroups.VIP_CHAT_ID, "会员福利一群", "zhangsan", List.of("someone"));
        gateway.bean(org.springframework.data.redis.core.StringRedisTemplate.class)
                .delete("tp:gw:bc:window:" + SandboxGroups.VIP_CHAT_ID);
        logInAs(newOperator(OperatorRole.OPERATOR, 0));

        browser.get(gateway.baseUrl() + "/console/#/group/" + SandboxGroups.VIP_CHAT_ID);
        waitFor(By.id("broadcast-text")).sendKeys("**会员日** 本周六双倍积分");
        browser.findElement(By.id("broadcast-submit")).click();

        waitFor(By.cssSelector("#broadcasts [data-status]"));
        new WebDriverWait(browser, WAIT)
                .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#broadcasts [data-status=SENT]")));
        assertThat(sandbox.received("/cgi-bin/webhook/send")).isNotEmpty();
    }

    @Test
    void theDashboardDrawsItsChartsFromTheDaysAggregates() throws IOException {
        // the aggregates start from a snapshot taken on their first fold; what follows is daily flow
        JobScheduler jobs = core.bean(JobScheduler.class);
        jobs.runLeased(jobs.job("analytics"));
        // a few days of activity: members enrolling, earning, checking in, an order lifting one to Silver
        for (int day = 0; day < 5; day++) {
            clock.set(T0.plus(Duration.ofDays(day)));
            User member = login();
            earn(member.memberId(), 100L * (day + 1), "活动奖励");
            http.post("/api/v1/checkin", Map.of(), member.accessToken());
            if (day == 3) {
                orders().recordOrder(RecordOrderRequest.newBuilder()
                        .setIdempotencyKey(UUID.randomUUID().toString())
                        .setOrderId("D-" + UUID.randomUUID())
                        .setMemberId(member.memberId())
                        .setAmountFen(120_000)
                        .setStatus(OrderStatus.PAID)
                        .setOccurredAt(Timestamp.newBuilder()
                                .setSeconds(clock.instant().getEpochSecond()))
                        .build());
            }
        }
        assertThat(jobs.runLeased(jobs.job("analytics")))
                .hasValueSatisfying(r -> assertThat(r.failed()).isZero());
        logInAs(newOperator(OperatorRole.VIEWER, 0));

        browser.get(gateway.baseUrl() + "/console/#/dashboard");

        new WebDriverWait(browser, WAIT)
                .until(d ->
                        d.findElements(By.cssSelector("svg.chart[data-chart]")).size() >= 8);
        List<String> charts = browser.findElements(By.cssSelector("svg.chart[data-chart]")).stream()
                .map(e -> e.getAttribute("data-chart"))
                .toList();
        assertThat(charts)
                .contains(
                        "members-per-tier",
                        "tier-moves",
                        "points-flow",
                        "liability",
                        "active-members",
                        "checkin-rate",
                        "invite-funnel",
                        "redemption-rate");
        String members = browser.findElement(By.cssSelector(".tile[data-tile=total-members] .tile-value"))
                .getText();
        assertThat(Long.parseLong(members.replace(",", ""))).isGreaterThanOrEqualTo(5);
        Path shot = Path.of("target", "console-dashboard.png");
        Files.createDirectories(shot.getParent());
        Files.write(shot, browser.getScreenshotAs(OutputType.BYTES));
        assertThat(Files.size(shot)).isPositive();
    }

    private static WebElement waitFor(By by) {
        return new WebDriverWait(browser, WAIT).until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    private static long balance(User u) {
        return points().getBalance(
                        GetBalanceRequest.newBuilder().setMemberId(u.memberId()).build())
                .getAvailable();
    }

    static {
        if (!Files.isExecutable(Path.of("/usr/bin/chromedriver"))) {
            throw new UncheckedIOException(new IOException(
                    "chromium-driver is missing: apt-get install chromium chromium-driver (.ci/run does this)"));
        }
    }
}
