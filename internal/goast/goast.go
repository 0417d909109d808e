// Package goast answers the one question about Go declarations that the
// course's tools share: which names a declaration declares. The grader
// (picking a learner's functions out of notebook cells) and the notebooks'
// tests (picking the check cells out of the notebooks) both ask it.
package goast

import "go/ast"

// Names returns the names d declares: a function's, each type's, each
// variable's and constant's. For a method it returns none: see Receiver.
func Names(d ast.Decl) []string {
	switch d := d.(type) {
	case *ast.FuncDecl:
		if d.Recv != nil {
			return nil
		}
		return []string{d.Name.Name}
	case *ast.GenDecl:
		var names []string
		for _, s := range d.Specs {
			switch s := s.(type) {
			case *ast.TypeSpec:
				names = append(names, s.Name.Name)
			case *ast.ValueSpec:
				for _, n := range s.Names {
					names = append(names, n.Name)
				}
			}
		}
		return names
	}
	return nil
}

// Receiver returns, for a method, the name of its receiver's type (T for
// a receiver of type T, *T, T[P] or *T[P]) and true; otherwise false.
func Receiver(d ast.Decl) (typeName string, ok bool) {
	f, isFunc := d.(*ast.FuncDecl)
	if !isFunc || f.Recv == nil || len(f.Recv.List) != 1 {
		return "", false
	}
	return baseType(f.Recv.List[0].Type), true
}

func baseType(e ast.Expr) string {
	switch e := e.(type) {
	case *ast.StarExpr:
		return baseType(e.X)
	case *ast.Ident:
		return e.Name
	case *ast.IndexExpr:
		return baseType(e.X)
	case *ast.IndexListExpr:
		return baseType(e.X)
	}
	return ""
}
