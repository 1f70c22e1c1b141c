// The helpers every test target shares (Tests/Support): temporary folders removed after each test.
@_exported import HomologTestSupport
