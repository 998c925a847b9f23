import Testing

@Test("the MarkupTests target builds") func builds() { #expect(Bool(true)) }
