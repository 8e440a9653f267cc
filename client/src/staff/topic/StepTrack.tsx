import { Text, View } from '@tarojs/components';
import { TOPIC_STEP_LABELS, TOPIC_STEPS, type TopicStep } from '@lxq/types/domain/topic';

/** The eight steps in order: done, the current one, still to come (办结 marks them all done). */
export function StepTrack(p: { step: TopicStep; closed: boolean }) {
  const at = TOPIC_STEPS.indexOf(p.step);
  return (
    <View className="step-track" aria-label="八步议事">
      {TOPIC_STEPS.map((s, i) => {
        const state = p.closed || i < at ? 'done' : i === at ? 'now' : 'todo';
        return (
          <View key={s} className={`step-track__step step-track__step--${state}`}>
            <Text className="step-track__no">{state === 'done' ? '✓' : i + 1}</Text>
            <Text>{TOPIC_STEP_LABELS[s]}</Text>
          </View>
        );
      })}
    </View>
  );
}
