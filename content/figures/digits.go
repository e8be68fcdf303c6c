package figures

import (
	"math/bits"
)

// digitAcc accumulates digits exactly, holding back zeros so that
// "1,000,000,000,000,000,000,000" still fits.
type digitAcc struct {
	m     uint64
	e     int
	zeros int
	bad   bool
}

func (a *digitAcc) push(c byte, frac bool) {
	if c == '0' {
		a.zeros++
		return
	}
	k := a.zeros + 1
	m := a.m
	for k > 0 && m != 0 {
		step := min(k, 19)
		hi, lo := bits.Mul64(m, pow10[step])
		if hi != 0 {
			a.bad = true
			return
		}
		m, k = lo, k-step
	}
	m2, carry := bits.Add64(m, uint64(c-'0'), 0)
	if carry != 0 {
		a.bad = true
		return
	}
	a.m = m2
	if frac {
		a.e -= a.zeros + 1
	}
	a.zeros = 0
}

// flushInt turns held-back integer zeros into the exponent before a fraction.
func (a *digitAcc) flushInt() {
	if a.zeros == 0 {
		return
	}
	if a.m == 0 {
		a.zeros = 0
		return
	}
	d := dec{m: a.m}.shift(a.zeros)
	m, ok := d.align(0)
	if !ok {
		a.bad = true
	}
	a.m, a.zeros = m, 0
}

func (a *digitAcc) dec(frac bool) dec {
	if a.bad {
		return dec{bad: true}
	}
	if frac {
		return dec{m: a.m, e: a.e}
	}
	return dec{m: a.m, e: a.e + a.zeros}
}

// digits reads the numeral written in digits at token i: "275,000",
// "1 414 021 100", "4.800", ".08", "1.3e6". ok is false when the digits belong
// to a dotted identifier (an IP address, a version); end then covers it.
func (sc *scanner) digits(i int) (d dec, end int, bare bool, ok bool) {
	t := &sc.t
	k := t.at(i)
	var a digitAcc
	j := i
	if k.isSym('.') { // ".08"
		n := t.at(i + 1)
		if n.kind != ftNum || n.sp {
			return dec{}, i, false, false
		}
		for p := n.s; p < n.e; p++ {
			a.push(sc.text[p], true)
		}
		return a.dec(true), i + 2, false, true
	}
	first := k.e - k.s
	for p := k.s; p < k.e; p++ {
		a.push(sc.text[p], false)
	}
	j = i + 1
	bare = true
	// Thousands separators: commas, or spaces as in "1 234 567".
	if g := sc.commaGroups(j, first); g > j {
		for q := j; q < g; q++ {
			if n := t.at(q); n.kind == ftNum {
				for p := n.s; p < n.e; p++ {
					a.push(sc.text[p], false)
				}
			}
		}
		j, bare = g, false
	} else if g := sc.spaceGroups(j, first); g > j {
		for q := j; q < g; q++ {
			n := t.at(q)
			for p := n.s; p < n.e; p++ {
				a.push(sc.text[p], false)
			}
		}
		j, bare = g, false
	}
	frac := false
	if p, n := t.at(j), t.at(j+1); p.isSym('.') && !p.sp && n.kind == ftNum && !n.sp {
		// A second point makes it a dotted identifier or a date, not a number.
		if q, r := t.at(j+2), t.at(j+3); q.isSym('.') && !q.sp && r.kind == ftNum && !r.sp {
			end := j + 2
			for t.at(end).isSym('.') && !t.at(end).sp && t.at(end+1).kind == ftNum && !t.at(end+1).sp {
				end += 2
			}
			return dec{}, end, false, false
		}
		a.flushInt()
		for p := n.s; p < n.e; p++ {
			a.push(sc.text[p], true)
		}
		j, frac, bare = j+2, true, false
	}
	d = a.dec(frac)
	// Scientific notation: "1.3e6", "12.32e+14", "-12e-1".
	if e := t.at(j); e.kind == ftWord && !e.sp && (sc.text[e.s:e.e] == "e" || sc.text[e.s:e.e] == "E") {
		q := j + 1
		neg := false
		if s := t.at(q); !s.sp && (s.isSym('+') || s.isDash()) {
			neg = s.isDash()
			q++
		}
		if x := t.at(q); x.kind == ftNum && !x.sp && x.e-x.s <= 3 && !(t.at(q+1).kind == ftWord && !t.at(q+1).sp) {
			exp := atoiTok(sc.text[x.s:x.e])
			if neg {
				exp = -exp
			}
			d, j, bare = d.shift(exp), q+1, false
		}
	}
	return d, j, bare, true
}

func atoiTok(s string) int {
	n := 0
	for i := 0; i < len(s) && i < 9; i++ {
		n = n*10 + int(s[i]-'0')
	}
	return n
}

// commaGroups returns the token after the longest valid run of ",ddd" groups
// that follows a first group of first digits, or j when there is none. Indian
// grouping ("12,34,567") is accepted too: groups of two then a final three.
func (sc *scanner) commaGroups(j, first int) int {
	t := &sc.t
	if first > 3 {
		return j
	}
	west := j // end of the valid western run
	indian := j
	twos := 0
	q := j
	// Seven groups reach 10^21, past any count; a longer run of groups is a
	// list or a code, and stopping here keeps rescans of it bounded.
	for n := 0; n < 7; n++ {
		c, d := t.at(q), t.at(q+1)
		if !c.isSym(',') || c.sp || d.kind != ftNum || d.sp {
			break
		}
		l := d.e - d.s
		if l == 3 && west == q {
			west = q + 2
		}
		if l == 2 && twos == n && first <= 2 {
			twos++
		} else if l == 3 && twos == n && twos > 0 {
			indian = q + 2
		}
		if l != 3 && (l != 2 || twos != n+1) {
			break
		}
		q += 2
	}
	end := max(west, indian)
	// "1,234abc" or "1,2345": the digits run on, so the grouping is not one.
	if end > j {
		if n := t.at(end); (n.kind == ftNum || n.kind == ftWord) && !n.sp && !(n.kind == ftWord && n.lx != nil && (n.lx.scale > 0 || n.lx.unit != "" || n.lx.cur != "")) {
			return j
		}
	}
	return end
}

// spaceGroups reads "1 234 567" and "40\u202f000". A narrow or no-break space
// always groups; a plain space only for two or more groups or for "000",
// since "March 3 100 people" is two numbers.
func (sc *scanner) spaceGroups(j, first int) int {
	t := &sc.t
	if first > 3 {
		return j
	}
	q := j
	plain := false
	n := 0
	allZero := true
	for {
		d := t.at(q)
		if d.kind != ftNum || d.e-d.s != 3 || !d.sp {
			break
		}
		gap := sc.text[t.at(q-1).e:d.s]
		switch gap {
		case "\u202f", "\u00a0", "\u2009":
		case " ":
			plain = true
		default:
			return sc.groupEnd(j, q, n, plain, allZero)
		}
		if sc.text[d.s:d.e] != "000" {
			allZero = false
		}
		if nx := t.at(q + 1); !nx.sp && (nx.kind == ftNum || nx.isSym(',') && t.at(q+2).kind == ftNum && !t.at(q+2).sp) {
			break
		}
		q++
		n++
	}
	return sc.groupEnd(j, q, n, plain, allZero)
}

func (sc *scanner) groupEnd(j, q, n int, plain, allZero bool) int {
	if n == 0 || (plain && n < 2 && !allZero) {
		return j
	}
	return q
}
