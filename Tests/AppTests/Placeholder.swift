import Testing

@Test("the AppTests target builds") func builds() { #expect(Bool(true)) }
