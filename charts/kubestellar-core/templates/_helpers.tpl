{{- /* Names, labels and the pod template shared by the two components of this chart. */ -}}

{{- define "kubestellar.wdsName" -}}
{{- required "wds.name is required: the name of the WDS this release serves" .Values.wds.name -}}
{{- end }}

{{- /* <release>-<component>, the name of every per-component object. */ -}}
{{- define "kubestellar.componentName" -}}
{{- printf "%s-%s" .root.Release.Name .component | trunc 63 | trimSuffix "-" -}}
{{- end }}

{{- define "kubestellar.selectorLabels" -}}
app.kubernetes.io/name: {{ .component }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
{{- end }}

{{- define "kubestellar.labels" -}}
{{ include "kubestellar.selectorLabels" . }}
app.kubernetes.io/part-of: kubestellar
app.kubernetes.io/component: {{ .component }}
app.kubernetes.io/version: {{ .root.Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .root.Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .root.Chart.Name .root.Chart.Version }}
kubestellar.io/wds: {{ include "kubestellar.wdsName" .root }}
{{- end }}

{{- /*
The kubeconfig Secret through which one component reaches one space, as YAML: the component's
kubeconfigSecrets.<space> over the chart-wide <space>.kubeconfigSecret. Input: root, values, space.
*/ -}}
{{- define "kubestellar.secret" -}}
{{- $own := deepCopy (index (default dict .values.kubeconfigSecrets) .space | default dict) }}
{{- toYaml (merge $own (index .root.Values .space).kubeconfigSecret) }}
{{- end }}

{{- /* Whether a component reaches a space in-cluster (no kubeconfig Secret). */ -}}
{{- define "kubestellar.inCluster" -}}
{{- if not (include "kubestellar.secret" . | fromYaml).name }}true{{- end }}
{{- end }}

{{- /* The flags naming how to reach one space. */ -}}
{{- define "kubestellar.spaceArgs" -}}
{{- $secret := include "kubestellar.secret" . | fromYaml }}
{{- if $secret.name }}
- --{{ .space }}-kubeconfig=/etc/kubestellar/{{ .space }}/{{ $secret.key }}
{{- if $secret.context }}
- --{{ .space }}-context={{ $secret.context }}
{{- end }}
{{- end }}
- --{{ .space }}-max-concurrent-requests={{ index .values.maxConcurrentRequests .space }}
{{- end }}

{{- /*
The Deployment of one component. Input: root, component, values (the component's values),
args (its own flags, a list).
*/ -}}
{{- define "kubestellar.deployment" -}}
{{- $root := .root }}
{{- $v := .values }}
{{- $name := include "kubestellar.componentName" . }}
{{- $wdsSecret := (include "kubestellar.secret" (dict "root" $root "values" $v "space" "wds") | fromYaml).name }}
{{- $itsSecret := (include "kubestellar.secret" (dict "root" $root "values" $v "space" "its") | fromYaml).name }}
apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ $name }}
  namespace: {{ $root.Release.Namespace }}
  labels:
    {{- include "kubestellar.labels" . | nindent 4 }}
spec:
  replicas: {{ $v.replicas }}
  selector:
    matchLabels:
      {{- include "kubestellar.selectorLabels" . | nindent 6 }}
  template:
    metadata:
      labels:
        {{- include "kubestellar.labels" . | nindent 8 }}
      annotations:
        prometheus.io/scrape: "true"
        prometheus.io/port: {{ $root.Values.managementPort | quote }}
        prometheus.io/path: /metrics
        {{- with $v.podAnnotations }}
        {{- toYaml . | nindent 8 }}
        {{- end }}
    spec:
      serviceAccountName: {{ $name }}
      # The token is needed only to reach a space in-cluster.
      automountServiceAccountToken: {{ or (not $wdsSecret) (not $itsSecret) }}
      terminationGracePeriodSeconds: {{ add $root.Values.shutdownTimeoutSeconds 10 }}
      {{- with $root.Values.imagePullSecrets }}
      imagePullSecrets:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      securityContext:
        {{- toYaml $root.Values.podSecurityContext | nindent 8 }}
      containers:
        - name: {{ .component }}
          image: {{ printf "%s%s:%s" (ternary "" (printf "%s/" $root.Values.image.registry) (empty $root.Values.image.registry)) $v.image.repository (default $root.Chart.AppVersion $root.Values.image.tag) | quote }}
          imagePullPolicy: {{ $root.Values.image.pullPolicy }}
          args:
            - --wds-name={{ include "kubestellar.wdsName" $root }}
            - --management-address=:{{ $root.Values.managementPort }}
            - --log-level={{ default $root.Values.log.level $v.logLevel }}
            - --log-format={{ $root.Values.log.format }}
            - --shutdown-timeout=PT{{ $root.Values.shutdownTimeoutSeconds }}S
            - {{ ternary "--leader-elect" "--no-leader-elect" $v.leaderElect }}
            {{- include "kubestellar.spaceArgs" (dict "root" $root "space" "wds" "values" $v) | trim | nindent 12 }}
            {{- include "kubestellar.spaceArgs" (dict "root" $root "space" "its" "values" $v) | trim | nindent 12 }}
            {{- with .args }}
            {{- toYaml . | nindent 12 }}
            {{- end }}
            {{- with $v.extraArgs }}
            {{- toYaml . | nindent 12 }}
            {{- end }}
          env:
            - name: POD_NAMESPACE
              valueFrom:
                fieldRef:
                  fieldPath: metadata.namespace
            - name: POD_NAME
              valueFrom:
                fieldRef:
                  fieldPath: metadata.name
            {{- with $root.Values.javaToolOptions }}
            # Read by the JVM itself; the image's own default is the same.
            - name: JAVA_TOOL_OPTIONS
              value: {{ . | quote }}
            {{- end }}
            {{- with $v.extraEnv }}
            {{- toYaml . | nindent 12 }}
            {{- end }}
          ports:
            - name: management
              containerPort: {{ $root.Values.managementPort }}
              protocol: TCP
          {{- include "kubestellar.probes" $root.Values.probes | nindent 10 }}
          resources:
            {{- toYaml $v.resources | nindent 12 }}
          securityContext:
            {{- toYaml $root.Values.securityContext | nindent 12 }}
          volumeMounts:
            # The JVM needs a writable /tmp; the root filesystem is read-only.
            - name: tmp
              mountPath: /tmp
            {{- if $wdsSecret }}
            - name: wds-kubeconfig
              mountPath: /etc/kubestellar/wds
              readOnly: true
            {{- end }}
            {{- if $itsSecret }}
            - name: its-kubeconfig
              mountPath: /etc/kubestellar/its
              readOnly: true
            {{- end }}
      volumes:
        - name: tmp
          emptyDir: {}
        {{- if $wdsSecret }}
        - name: wds-kubeconfig
          secret:
            secretName: {{ $wdsSecret }}
        {{- end }}
        {{- if $itsSecret }}
        - name: its-kubeconfig
          secret:
            secretName: {{ $itsSecret }}
        {{- end }}
      {{- with $v.nodeSelector }}
      nodeSelector:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      {{- with $v.tolerations }}
      tolerations:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      {{- with $v.affinity }}
      affinity:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      {{- with $v.topologySpreadConstraints }}
      topologySpreadConstraints:
        {{- include "kubestellar.spreadConstraints" (dict "constraints" . "selector" (include "kubestellar.selectorLabels" $ | fromYaml)) | nindent 8 }}
      {{- end }}
{{- end }}

{{- /* ServiceAccount plus the RBAC of every in-cluster space, for one component. */ -}}
{{- define "kubestellar.identity" -}}
{{- $root := .root }}
{{- $name := include "kubestellar.componentName" . }}
{{- $labels := include "kubestellar.labels" . | fromYaml }}
apiVersion: v1
kind: ServiceAccount
metadata:
  name: {{ $name }}
  namespace: {{ $root.Release.Namespace }}
  labels:
    {{- toYaml $labels | nindent 4 }}
{{- if $root.Values.rbac.create }}
{{- range $space := list "wds" "its" }}
{{- if include "kubestellar.inCluster" (dict "root" $root "values" $.values "space" $space) }}
{{ include "kubestellar.rbac" (dict "root" $root "component" $.component "space" $space "prefix" $name "saName" $name "saNamespace" $root.Release.Namespace "labels" $labels) }}
{{- end }}
{{- end }}
{{- end }}
{{- end }}

{{- /* The inputs of the shared workload helpers (_workload.tpl) for one component. */ -}}
{{- define "kubestellar.workloadInputs" -}}
name: {{ include "kubestellar.componentName" . }}
namespace: {{ .root.Release.Namespace }}
labels:
  {{- include "kubestellar.labels" . | nindent 2 }}
selector:
  {{- include "kubestellar.selectorLabels" . | nindent 2 }}
podDisruptionBudget:
  {{- toYaml .values.podDisruptionBudget | nindent 2 }}
networkPolicy:
  {{- toYaml .root.Values.networkPolicy | nindent 2 }}
{{- end }}
