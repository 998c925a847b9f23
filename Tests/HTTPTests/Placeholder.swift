import Testing

@Test("the HTTPTests target builds") func builds() { #expect(Bool(true)) }
