global using Microsoft.Playwright;
global using NewsCms.BrowserTests.Infrastructure;
global using NewsCms.Testing;
global using Xunit;
global using static Microsoft.Playwright.Assertions;

// One browser for the run; classes take turns, because on two cores a second Chromium and server make every wait
// longer without making the suite shorter, and a browser suite must never flake (see xunit.runner.json).
[assembly: AssemblyFixture(typeof(BrowserHost))]
