package ui

import (
	"embed"
	"encoding/json"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"

	"cn.planreview/planreview/model/domain"
)

// The interface's strings are written in Chinese in the code and passed
// through lang.L, so Chinese needs no translation file and is what shows
// whenever a translation is missing. translations/en.json maps them to
// English; translations/fyne.zh.json is Fyne's own Chinese for its
// built-in dialogs (BSD-3, from fyne.io/fyne/v2/lang), so those read
// Chinese even on an English Windows.
//
//go:embed translations
var translations embed.FS

// Languages offered, by preference value.
var Languages = []string{"zh", "en"}

// LanguageName is how a language is offered in the picker.
func LanguageName(code string) string {
	if code == "en" {
		return "English"
	}
	return "中文"
}

// SetLanguage makes the interface speak code ("zh" or "en"). Fyne picks
// the translation closest to the system's locale, and on Windows that
// locale comes from the OS, not the environment; so the chosen strings are
// registered under the system locale itself, which then matches exactly.
func SetLanguage(code string) error {
	var data []byte
	var err error
	if code == "en" {
		data, err = translations.ReadFile("translations/en.json")
	} else {
		data, err = chineseMessages()
	}
	if err != nil {
		return err
	}
	language = domain.Chinese
	if code == "en" {
		language = domain.English
	}
	loc := lang.SystemLocale()
	if err := lang.AddTranslationsForLocale(data, loc); err != nil {
		return err
	}
	// Also under the bare language, for a locale string the matcher
	// normalises differently.
	return lang.AddTranslationsForLocale(data, fyne.Locale(loc.LanguageString()))
}

// chineseMessages is Fyne's Chinese for its own dialogs plus our strings
// mapped to themselves: messages registered for a locale stay until
// replaced, so switching back from English must overwrite every English
// string with its Chinese original.
func chineseMessages() ([]byte, error) {
	fyneZh, err := translations.ReadFile("translations/fyne.zh.json")
	if err != nil {
		return nil, err
	}
	m := map[string]any{}
	if err := json.Unmarshal(fyneZh, &m); err != nil {
		return nil, err
	}
	en, err := enKeys()
	if err != nil {
		return nil, err
	}
	for k := range en {
		m[k] = k
	}
	return json.Marshal(m)
}

// language is the interface's language, as SetLanguage last chose it (the
// translations it registers with Fyne are as global): the model writes
// the window's reasons and periods in it.
var language = domain.Chinese

// periodLabel is a period as the window names it: 1-9月, or Jan-Sep in
// English.
func periodLabel(p domain.Period) string { return p.LabelIn(language) }

// paren puts s in brackets: full-width in Chinese, （1-6月）; in English
// after a space, (Jan-Jun).
func paren(s string) string {
	if language == domain.English {
		return " (" + s + ")"
	}
	return "（" + s + "）"
}

// tr translates an interface string.
func tr(s string) string { return lang.L(s) }

// trf translates a template string: trf("截至{{.P}}", "P", "1-9月").
func trf(s string, kv ...any) string {
	data := map[string]any{}
	for i := 0; i+1 < len(kv); i += 2 {
		data[kv[i].(string)] = kv[i+1]
	}
	return lang.L(s, data)
}

// enKeys reads the English file: Chinese string → English.
func enKeys() (map[string]string, error) {
	data, err := translations.ReadFile("translations/en.json")
	if err != nil {
		return nil, err
	}
	m := map[string]string{}
	return m, json.Unmarshal(data, &m)
}
