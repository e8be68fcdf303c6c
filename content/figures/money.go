package figures

// Money: currencies written before and after amounts, codes and cents.

// currencyBefore reads a currency written before the amount: "$", "€",
// "US$", "C$", "HK $", "USD 200", "USD115".
func (sc *scanner) currencyBefore(i int) (string, int) {
	t := &sc.t
	k := t.at(i)
	numberNext := func(j int) bool {
		n := t.at(j)
		return n.kind == ftNum || n.isSym('.') && t.at(j+1).kind == ftNum ||
			n.kind == ftWord && n.lx != nil && (n.lx.cls != ncNone || sc.is(n, "a") || sc.is(n, "half") || sc.is(n, "quarter"))
	}
	switch k.kind {
	case ftSym:
		if code := currencySymbol[k.r]; code != "" && numberNext(i+1) {
			return code, i + 1
		}
	case ftWord:
		w := sc.text[k.s:k.e]
		low := lowerASCII(w)
		if d := t.at(i + 1); d.isSym('$') {
			code := currencyPrefix[low]
			if code == "" {
				return "", i
			}
			if d.sp {
				switch w {
				case "c", "C", "hk", "HK", "US", "USD", "usd", "Mex":
				default:
					return "", i
				}
			} else if len(w) == 1 && (w == "a" || w == "s" || w == "r") {
				return "", i
			}
			if numberNext(i + 2) {
				return code, i + 2
			}
			return "", i
		}
		if code := isoCode(w); code != "" && numberNext(i+1) {
			return code, i + 1
		}
	}
	return "", i
}

func lowerASCII(s string) string {
	for i := 0; i < len(s); i++ {
		if 'A' <= s[i] && s[i] <= 'Z' {
			b := []byte(s)
			for j := i; j < len(b); j++ {
				if 'A' <= b[j] && b[j] <= 'Z' {
					b[j] += 'a' - 'A'
				}
			}
			return string(b)
		}
	}
	return s
}

// isoCode recognises a currency code: any known code in capitals, and the
// few in lower case that are no English word.
func isoCode(w string) string {
	if len(w) != 3 {
		return ""
	}
	if knownISO[w] {
		if w == "RMB" {
			return "CNY"
		}
		return w
	}
	switch w {
	case "usd", "eur", "gbp", "jpy", "cny", "chf", "aud", "nzd", "hkd", "inr", "mxn", "sek":
		return upperASCII(w)
	case "rmb":
		return "CNY"
	}
	return ""
}

func upperASCII(s string) string {
	b := []byte(s)
	for i, c := range b {
		if 'a' <= c && c <= 'z' {
			b[i] = c - ('a' - 'A')
		}
	}
	return string(b)
}

// currencyWord reads a currency named after an amount.
func (sc *scanner) currencyWord(q int, nm *numeral, cur string) (string, int, bool, bool) {
	t := &sc.t
	k := t.at(q)
	// Nationality words before the currency: "Australian dollars",
	// "U.S. dollars", "Hong Kong dollars".
	var key []byte
	j := q
	for n := 0; n < 3; n++ {
		w := t.at(j)
		if w.kind != ftWord || w.lx == nil || w.lx.flags&fNation == 0 {
			break
		}
		if len(key) > 0 {
			key = append(key, ' ')
		}
		key = append(key, lowerASCII(sc.text[w.s:w.e])...)
		j++
		if t.at(j).isSym('.') && !t.at(j).sp {
			j++
		}
	}
	c := t.at(j)
	if c.kind != ftWord {
		return "", q, false, false
	}
	cw := sc.text[c.s:c.e]
	if c.lx == nil || c.lx.cur == "" {
		if j == q {
			// "115USD", "20 usd"; but "3 USD50" is a code before an amount
			if code := isoCode(cw); code != "" && cur == "" && !(t.at(j+1).kind == ftNum && !t.at(j+1).sp) {
				return code, j + 1, false, true
			}
		}
		return "", q, false, false
	}
	code := c.lx.cur
	if len(key) > 0 {
		lw := lowerASCII(cw)
		k1 := string(key) + " " + lw
		k2 := k1
		if len(lw) > 1 && lw[len(lw)-1] == 's' {
			k2 = string(key) + " " + lw[:len(lw)-1]
		}
		if v, ok := nationCurrency[k1]; ok {
			code = v
		} else if v, ok := nationCurrency[k2]; ok {
			code = v
		} else {
			return "", q, false, false
		}
	}
	if cur != "" && code != cur {
		return "", q, false, false // "rmb 10 usd 20" is two amounts
	}
	lw := lowerASCII(cw)
	if lw == "pound" || lw == "pounds" {
		// pounds weigh unless the context is money
		if !(cur != "" || nm.scaled || sc.is(t.at(j+1), "sterling") || len(key) > 0) {
			return "", q, false, false
		}
	}
	if k != c && k.kind == ftWord && k.lx != nil && k.lx.flags&fNation != 0 && len(key) == 0 {
		return "", q, false, false
	}
	end := j + 1
	if sc.is(t.at(end), "sterling") {
		end++
	}
	if cur != "" && c.lx.minor {
		return "", q, false, false
	}
	return code, end, c.lx.minor, true
}

// centsAfter reads "and forty-five cents" or "50 cents" after a main unit.
func (sc *scanner) centsAfter(j int, whole dec) (dec, int, bool) {
	t := &sc.t
	q := j
	if sc.is(t.at(q), "and") {
		q++
	}
	n := t.at(q)
	if !(n.kind == ftNum && n.e-n.s <= 2 || n.kind == ftWord && n.lx != nil && (n.lx.cls == ncOnes || n.lx.cls == ncTeen || n.lx.cls == ncTens)) {
		return dec{}, j, false
	}
	c, ok := sc.cardinal(q, false)
	if !ok || c.fraction || c.scaled {
		return dec{}, j, false
	}
	v, isInt := c.val.intVal()
	if !isInt || v <= 0 || v >= 100 {
		return dec{}, j, false
	}
	end := c.end
	if w := t.at(end); w.kind == ftWord && w.lx != nil && w.lx.minor {
		end++
	} else if w.kind == ftWord && !sc.is(w, "and") && !sc.is(w, "or") || w.kind == ftNum {
		return dec{}, j, false
	}
	return whole.add(decOf(uint64(v)).div(100)), end, true
}
