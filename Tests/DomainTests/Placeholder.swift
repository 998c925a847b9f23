import Testing

@Test("the DomainTests target builds") func builds() { #expect(Bool(true)) }
