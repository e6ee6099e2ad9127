package dev.homeostat.ml.anomaly;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class JumpRecurrenceTest {

    @Test
    void aJumpIsRecurrentOnlyOnceCountSimilarJumpsOfTheSameSignWereSeen() {
        // given a memory that needs 3 earlier jumps of at least 70 % of the size
        JumpRecurrence jumps = new JumpRecurrence(3, 0.7);
        jumps.learn(10);
        jumps.learn(10);
        // then two similar rises are not enough
        assertFalse(jumps.recurrent(10));
        // when a third one is seen
        jumps.learn(10);
        // then a rise of 10, and one up to 10 / 0.7, is recurrent; a larger one is not
        assertTrue(jumps.recurrent(10));
        assertTrue(jumps.recurrent(14));
        assertFalse(jumps.recurrent(15));
        // and falls, zero and non-finite jumps are not
        assertFalse(jumps.recurrent(-10));
        assertFalse(jumps.recurrent(0));
        assertFalse(jumps.recurrent(Double.NaN));
    }

    @Test
    void fallsAreCountedByTheirSize() {
        JumpRecurrence jumps = new JumpRecurrence(2, 0.5);
        jumps.learn(-4);
        jumps.learn(-6);
        jumps.learn(3);
        assertTrue(jumps.recurrent(-8));
        assertFalse(jumps.recurrent(-9));
        assertFalse(jumps.recurrent(3));
    }

    @Test
    void itRemembersTheLargestJumpsOfTheWholeHistoryWhateverTheirOrder() {
        // given 3 jumps of 100 hidden among 10,000 small ones, in any order
        JumpRecurrence jumps = new JumpRecurrence(3, 1.0);
        Random random = new Random(1);
        for (int i = 0; i < 10_000; i++) {
            jumps.learn(random.nextDouble());
            if (i % 3000 == 1500) {
                jumps.learn(100);
            }
        }
        // then a jump of 100 has been seen 3 times, one of 101 never
        assertTrue(jumps.recurrent(100));
        assertFalse(jumps.recurrent(101));
    }

    @Test
    void theAnswerForAJumpDependsOnlyOnTheJumpsLearnedBeforeIt() {
        // given two memories fed the same 500 jumps, then different ones
        Random random = new Random(7);
        double[] jumps = new double[1000];
        for (int i = 0; i < jumps.length; i++) {
            jumps[i] = random.nextGaussian();
        }
        double[] other = jumps.clone();
        for (int i = 500; i < other.length; i++) {
            other[i] = 100 * random.nextGaussian();
        }
        JumpRecurrence a = new JumpRecurrence(20, 0.7);
        JumpRecurrence b = new JumpRecurrence(20, 0.7);
        // then the answers for the first 500 agree
        for (int i = 0; i < 500; i++) {
            assertEquals(a.recurrent(jumps[i]), b.recurrent(other[i]), "jump " + i);
            a.learn(jumps[i]);
            b.learn(other[i]);
        }
    }

    @Test
    void badSettingsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new JumpRecurrence(0, 0.7));
        assertThrows(IllegalArgumentException.class, () -> new JumpRecurrence(5, 0));
        assertThrows(IllegalArgumentException.class, () -> new JumpRecurrence(5, 1.5));
    }
}
