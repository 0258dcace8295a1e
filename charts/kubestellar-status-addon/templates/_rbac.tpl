{{- /*
Identical in every chart of this repository (ChartDriftIT checks it).

"kubestellar.rbac" renders the roles one component needs in one space, each bound to one
ServiceAccount. The roles come from files/rbac/<component>/<space>-*.yaml, byte-for-byte copies of
config/rbac/<component>/ (hack/update-chart-rbac.sh refreshes them, ChartDriftIT fails when they
differ); the comments saying why each rule exists are in those files.

A ClusterRole becomes a ClusterRole and ClusterRoleBinding; a Role becomes a Role and RoleBinding in
the namespace the file names or, when it names none, in the ServiceAccount's namespace.

Input: a dict with
  root          the top-level context (for .Files)
  component     controller-manager | transport-controller | status-addon
  space         wds | its | wec
  prefix        prefix of every object name (unique per identity)
  saName        the ServiceAccount bound
  saNamespace   its namespace
  labels        labels of every object (a dict)
*/ -}}
{{- define "kubestellar.rbac" -}}
{{- $in := . -}}
{{- range $path, $_ := $in.root.Files.Glob (printf "files/rbac/%s/%s-*.yaml" $in.component $in.space) }}
{{- $role := $in.root.Files.Get $path | fromYaml }}
{{- $file := base $path }}
{{- $name := printf "%s-%s" $in.prefix (trimSuffix ".yaml" $file) }}
{{- $namespaced := eq $role.kind "Role" }}
{{- $namespace := dig "metadata" "namespace" $in.saNamespace $role }}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: {{ $role.kind }}
metadata:
  name: {{ $name }}
  {{- if $namespaced }}
  namespace: {{ $namespace }}
  {{- end }}
  labels:
    {{- toYaml $in.labels | nindent 4 }}
  annotations:
    kubestellar.io/rbac-source: {{ printf "config/rbac/%s/%s" $in.component $file }}
rules:
  {{- toYaml $role.rules | nindent 2 }}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: {{ ternary "RoleBinding" "ClusterRoleBinding" $namespaced }}
metadata:
  name: {{ $name }}
  {{- if $namespaced }}
  namespace: {{ $namespace }}
  {{- end }}
  labels:
    {{- toYaml $in.labels | nindent 4 }}
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: {{ $role.kind }}
  name: {{ $name }}
subjects:
  - kind: ServiceAccount
    name: {{ $in.saName }}
    namespace: {{ $in.saNamespace }}
{{- end }}
{{- end }}
