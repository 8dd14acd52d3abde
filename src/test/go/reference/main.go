// Command reference prints values computed by Go's own libraries, which the Java side must
// reproduce exactly (the Go hello-Nexus sample is the reference of the wire contract):
//
//	go run . lowercase     Go's unicode.ToLower for every code point it changes ("cp lower", hex),
//	                       the table behind the handler workflow ID rule
//	go run . workflow-ids  rows of the Java test table: name, language, HelloWorkflowID
//	go run . json          encoding/json's bytes for the service's outputs and inputs: one line
//	                       per value, "kind<TAB>hex of the text<TAB>hex of the JSON"
//	go run . decode        what json.Unmarshal reads from odd JSON text (lone surrogate escapes,
//	                       invalid UTF-8): one line per input, "hex of the JSON<TAB>hex of Name"
//	go run . endpoint      calls through the Nexus endpoint and the Go handler's answers: one line
//	                       per call, "operation<TAB>hex of the input JSON<TAB>hex of the output JSON"
package main

import (
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"unicode"
	"unicode/utf16"
)

// helloWorkflowID is the Go sample's rule (samples-go nexus/service/api.go).
func helloWorkflowID(name, language string) string {
	name = strings.ToLower(strings.ReplaceAll(strings.TrimSpace(name), " ", "-"))
	return fmt.Sprintf("hello-%s-%s", language, name)
}

// Names that exercise every part of the rule: ASCII, Turkish i, Greek sigma, German sharp s,
// ligatures and title-case digraphs, Unicode white space Go trims (and look-alikes it keeps),
// combining marks, emoji, and scripts whose case mappings are newer than some JDKs.
var names = []struct{ name, language string }{
	{"Nexus", "en"},
	{"Ada", "en"},
	{"ada", "en"},
	{" ada ", "en"},
	{"Mary Ann", "fr"},
	{"mary-ann", "fr"},
	{"  Mary  Ann  ", "fr"},
	{"\tTab\t", "de"},
	{"\nLine\r\n", "de"},
	{"\vVT\f", "de"},
	{"O'Brien", "es"},
	{"İpek", "tr"},
	{"IŞIK", "tr"},
	{"ıi", "tr"},
	{"İSTANBUL", "tr"},
	{"ΟΔΥΣΣΕΥΣ", "en"},
	{"Σ", "en"},
	{"ΣΑΣ ΣΑΣ", "en"},
	{"Straße", "de"},
	{"STRASSE", "de"},
	{"ẞ", "de"},
	{"ﬁnn", "en"},
	{"ǄEMAL", "en"},
	{"ǅemal", "en"},
	{"\u00a0Ada\u00a0", "en"},
	{"\u2003Em\u2003", "en"},
	{"\u3000Ideo\u3000", "en"},
	{"\u0085NEL\u0085", "en"},
	{"\u1680Ogham\u2028\u2029", "en"},
	{"\u202fNarrow\u205f", "en"},
	{"\u200bZero\u200b", "en"},
	{"\u180eMongolian\u180e", "en"},
	{"\ufeffBOM", "en"},
	{"A\u030asa", "en"},
	{"Éloïse", "fr"},
	{"Nexus 👋", "en"},
	{"👋", "en"},
	{"🎉 Party 🎉", "es"},
	{"K\u212a", "en"},
	{"\u212bngström", "en"},
	{"\u2126hm", "en"},
	{"\u03f4eta", "en"},
	{"ᎠᏴ", "en"},
	{"\U00010400\U00010401", "en"},
	{"\U00010570\U00010571", "en"},
	{"\u2c2f\ua7c0\ua7d0", "en"},
	{"ᲐᲑ", "en"},
	{"ＡＢＣ", "en"},
	{"a-b c", "en"},
	{"日本 語", "en"},
}

// JSON texts as other languages' callers write them: Python's json.dumps and JavaScript's
// JSON.stringify escape a lone surrogate; other writers send bytes that are not UTF-8.
var decodeInputs = []string{
	`{"Name":"a\ud800","Language":"en"}`,
	`{"Name":"\udc00b","Language":"en"}`,
	`{"Name":"\ud800\ud800","Language":"en"}`,
	`{"Name":"\ud83d\udc4b","Language":"en"}`,
	`{"Name":"\ud83dx\udc4b","Language":"en"}`,
	`{"Name":"\udc4b\ud83d","Language":"en"}`,
	`{"Name":"\ud800\u0041","Language":"en"}`,
	`{"Name":"\\ud800","Language":"en"}`,
	"{\"Name\":\"a\xffb\",\"Language\":\"en\"}",
	"{\"Name\":\"\xed\xa0\x80\",\"Language\":\"en\"}",
	"{\"Name\":\"x\xe2\x82\",\"Language\":\"en\"}",
	"{\"Name\":\"\xf0\x9f\x98y\",\"Language\":\"en\"}",
	"{\"Name\":\"\xc0\xaf\",\"Language\":\"en\"}",
	"{\"Name\":\"\xf4\x90\x80\x80\",\"Language\":\"en\"}",
	"{\"Name\":\"ok \xc3\xa9\",\"Language\":\"en\"}",
}

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: go run . lowercase|workflow-ids|json|decode|endpoint")
		os.Exit(2)
	}
	switch os.Args[1] {
	case "lowercase":
		fmt.Printf("# unicode.ToLower of Go %s (Unicode %s), for every code point it changes: code point, lower case (hex)\n",
			strings.TrimPrefix(goVersion(), "go"), unicode.Version)
		for r := rune(0); r <= unicode.MaxRune; r++ {
			if lower := unicode.ToLower(r); lower != r {
				fmt.Printf("%x %x\n", r, lower)
			}
		}
	case "workflow-ids":
		for _, n := range names {
			fmt.Printf("      {%s, %s, %s},\n", javaString(n.name), javaString(n.language),
				javaString(helloWorkflowID(n.name, n.language)))
		}
	case "json":
		for _, text := range jsonTexts {
			printJSON("EchoOutput", text, struct{ Message string }{text})
			printJSON("HelloOutput", text, struct{ Message string }{text})
			printJSON("HelloInput", text, struct{ Name, Language string }{text, "en"})
		}
	case "decode":
		for _, input := range decodeInputs {
			var value struct{ Name, Language string }
			if err := json.Unmarshal([]byte(input), &value); err != nil {
				fmt.Fprintln(os.Stderr, "cannot decode", hex.EncodeToString([]byte(input)), err)
				os.Exit(1)
			}
			fmt.Printf("%s\t%s\n", hex.EncodeToString([]byte(input)), hex.EncodeToString([]byte(value.Name)))
		}
	case "endpoint":
		for _, text := range jsonTexts {
			printCall("echo", struct{ Message string }{text}, struct{ Message string }{text})
		}
		for _, language := range []string{"en", "fr", "de", "es", "tr"} {
			name := "Nexus <b>&</b> \u2028 👋🏽"
			printCall("say-hello", struct{ Name, Language string }{name, language},
				struct{ Message string }{greetings[language] + " " + name + " 👋"})
		}
	default:
		fmt.Fprintln(os.Stderr, "unknown command", os.Args[1])
		os.Exit(2)
	}
}

// javaString writes s as a Java string literal, escaping everything outside printable ASCII
// (line breaks as \n and \r: Java reads a \u000a escape as a real line break).
func javaString(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\r':
			b.WriteString(`\r`)
		case r == '\t':
			b.WriteString(`\t`)
		case r >= 0x20 && r < 0x7f:
			b.WriteRune(r)
		case r > 0xffff:
			hi, lo := utf16.EncodeRune(r)
			fmt.Fprintf(&b, "\\u%04x\\u%04x", hi, lo)
		default:
			fmt.Fprintf(&b, "\\u%04x", r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// Texts whose JSON Go writes in its own way: raw UTF-8 outside ASCII (emoji included), HTML
// characters and the line and paragraph separators escaped, control characters as short or
// lower-case \u escapes, DEL raw.
var jsonTexts = []string{
	"Nexus Echo 👋",
	"Merhaba Nexus 👋",
	"Hello <b>Ada</b> & co",
	"a\u2028b\u2029c",
	"tab\tnl\ncr\r",
	"\x00\x01\x1f\x7f",
	"\b\f",
	"quote\" back\\slash /slash",
	"é ß İ 中文 ﬁ",
	"\ufeffBOM \u200bzero",
	"¡Hola! Ada 👋🏽 👩‍💻",
}

func printJSON(kind, text string, value any) {
	data, err := json.Marshal(value)
	if err != nil {
		panic(err)
	}
	fmt.Printf("%s\t%s\t%s\n", kind, hex.EncodeToString([]byte(text)), hex.EncodeToString(data))
}

// greetings are the Go sample's handler workflow's, by language.
var greetings = map[string]string{
	"en": "Hello",
	"fr": "Bonjour",
	"de": "Hallo",
	"es": "¡Hola!",
	"tr": "Merhaba",
}

func printCall(operation string, input, output any) {
	in, err := json.Marshal(input)
	if err != nil {
		panic(err)
	}
	out, err := json.Marshal(output)
	if err != nil {
		panic(err)
	}
	fmt.Printf("%s\t%s\t%s\n", operation, hex.EncodeToString(in), hex.EncodeToString(out))
}
