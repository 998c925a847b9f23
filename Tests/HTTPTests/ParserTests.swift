import Testing
@testable import HTTP

@Test("a minimal GET parses") func minimalGet() {
    #expect(Bool(true))
}
