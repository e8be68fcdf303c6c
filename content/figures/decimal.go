package figures

import (
	"math"
	"math/bits"
	"strconv"
)

// dec is a number as written in an article: exact m×10^e while it fits, so
// "$48.2 million" normalises to "48200000" and not to a float's
// 48199999.99999999. Fractions that do not terminate ("two thirds") fall back
// to a float; numbers beyond uint64 become invalid and get no value.
type dec struct {
	m       uint64
	e       int
	neg     bool
	inexact bool // f holds the value
	f       float64
	bad     bool // overflowed: the figure is kept, its value is ""
}

func decOf(n uint64) dec { return dec{m: n} }

var pow10 = [...]uint64{1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10,
	1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19}

func (d dec) float() float64 {
	if d.inexact {
		return d.f
	}
	v := float64(d.m) * math.Pow10(d.e)
	if d.neg {
		v = -v
	}
	return v
}

func decFloat(f float64) dec {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return dec{bad: true}
	}
	return dec{inexact: true, f: f}
}

// shift multiplies by 10^k, which is exact.
func (d dec) shift(k int) dec {
	if d.inexact {
		return decFloat(d.f * math.Pow10(k))
	}
	d.e += k
	if d.e > 60 || d.e < -60 {
		d.bad = true
	}
	return d
}

func (d dec) mulInt(k uint64) dec {
	if d.inexact {
		return decFloat(d.f * float64(k))
	}
	hi, lo := bits.Mul64(d.m, k)
	if hi != 0 {
		return dec{bad: true}
	}
	d.m = lo
	return d
}

// align brings the mantissa to exponent e (e <= d.e).
func (d dec) align(e int) (uint64, bool) {
	m := d.m
	for k := d.e - e; k > 0; {
		step := min(k, 19)
		hi, lo := bits.Mul64(m, pow10[step])
		if hi != 0 {
			return 0, false
		}
		m, k = lo, k-step
	}
	return m, true
}

func (d dec) add(o dec) dec {
	if d.bad || o.bad {
		return dec{bad: true}
	}
	if d.inexact || o.inexact || d.neg != o.neg {
		return decFloat(d.float() + o.float())
	}
	e := min(d.e, o.e)
	a, ok1 := d.align(e)
	b, ok2 := o.align(e)
	s, carry := bits.Add64(a, b, 0)
	if !ok1 || !ok2 || carry != 0 {
		return dec{bad: true}
	}
	return dec{m: s, e: e, neg: d.neg}
}

// div divides by k, exactly when the quotient terminates within a few places.
func (d dec) div(k uint64) dec {
	if k == 0 || d.bad {
		return dec{bad: true}
	}
	if !d.inexact {
		m, e := d.m, d.e
		for i := 0; i < 12; i++ {
			if m%k == 0 {
				return dec{m: m / k, e: e, neg: d.neg}
			}
			hi, lo := bits.Mul64(m, 10)
			if hi != 0 {
				break
			}
			m, e = lo, e-1
		}
	}
	return decFloat(d.float() / float64(k))
}

func (d dec) isZero() bool { return !d.bad && !d.inexact && d.m == 0 }

// intVal returns the value when it is a non-negative integer below 2^63.
func (d dec) intVal() (int64, bool) {
	if d.bad || d.inexact || d.neg {
		return 0, false
	}
	m, e := d.m, d.e
	for e < 0 {
		if m%10 != 0 {
			return 0, false
		}
		m, e = m/10, e+1
	}
	for ; e > 0; e-- {
		if m > math.MaxInt64/10 {
			return 0, false
		}
		m *= 10
	}
	if m > math.MaxInt64 {
		return 0, false
	}
	return int64(m), true
}

// String is the normalised value: plain digits, a point only when there is a
// fraction, no exponent, no grouping.
func (d dec) String() string {
	if d.bad {
		return ""
	}
	if d.inexact {
		s := strconv.FormatFloat(d.f, 'g', 12, 64)
		f, _ := strconv.ParseFloat(s, 64)
		return strconv.FormatFloat(f, 'f', -1, 64)
	}
	m, e := d.m, d.e
	for e < 0 && m%10 == 0 && m != 0 {
		m, e = m/10, e+1
	}
	if m == 0 {
		return "0"
	}
	var buf [100]byte
	b := buf[:0]
	if d.neg {
		b = append(b, '-')
	}
	digits := strconv.AppendUint(nil, m, 10)
	switch {
	case e >= 0:
		b = append(b, digits...)
		for ; e > 0; e-- {
			b = append(b, '0')
		}
	case -e >= len(digits):
		b = append(b, '0', '.')
		for k := -e - len(digits); k > 0; k-- {
			b = append(b, '0')
		}
		b = append(b, digits...)
	default:
		p := len(digits) + e
		b = append(b, digits[:p]...)
		b = append(b, '.')
		b = append(b, digits[p:]...)
	}
	return string(b)
}
